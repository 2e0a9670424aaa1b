#include "plugin_host/elf_check.h"

#include <elf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace alignkiosk::plugin_host {

namespace {

// Closes the descriptor on every way out.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

// pread until `length` bytes are in or the file ends; false on a short read or an error.
bool readAt(int fd, void* buffer, std::size_t length, uint64_t offset) {
    auto* out = static_cast<unsigned char*>(buffer);
    while (length > 0) {
        const ssize_t got = ::pread(fd, out, length, static_cast<off_t>(offset));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        out += got;
        length -= static_cast<std::size_t>(got);
        offset += static_cast<uint64_t>(got);
    }
    return true;
}

std::string bytes(uint64_t count) { return std::to_string(count) + (count == 1 ? " byte" : " bytes"); }

std::string className(unsigned char elfClass) {
    switch (elfClass) {
    case ELFCLASS32: return "32-bit";
    case ELFCLASS64: return "64-bit";
    default: return "unknown-class (" + std::to_string(elfClass) + ")";
    }
}

std::string byteOrderName(unsigned char order) {
    switch (order) {
    case ELFDATA2LSB: return "little-endian";
    case ELFDATA2MSB: return "big-endian";
    default: return "unknown byte order (" + std::to_string(order) + ")";
    }
}

// The part after e_ident, for one ELF class (the byte order is already known to be ours).
template <class Ehdr, class Phdr>
std::optional<std::string> checkHeaders(int fd, uint64_t fileSize, const ElfTarget& target) {
    Ehdr header{};
    if (fileSize < sizeof header || !readAt(fd, &header, sizeof header, 0))
        return "cut short: " + bytes(fileSize) + ", less than its own ELF header (" + bytes(sizeof header) +
               "; an unfinished copy?)";
    if (header.e_type != ET_DYN) {
        const std::string kind = header.e_type == ET_EXEC  ? "a program"
                                 : header.e_type == ET_REL ? "an object file"
                                                           : "ELF type " + std::to_string(header.e_type);
        return "an ELF file but not a shared library (" + kind + ")";
    }
    if (header.e_machine != target.machine)
        return "built for " + elfMachineName(header.e_machine) + "; this kiosk runs on " +
               elfMachineName(target.machine);
    if (header.e_phnum == 0) return std::string("has no program headers, so nothing could be loaded from it");
    if (header.e_phentsize != sizeof(Phdr))
        return "program headers of " + bytes(header.e_phentsize) + " each; an ELF file of its class has " +
               bytes(sizeof(Phdr));
    const uint64_t tableEnd = static_cast<uint64_t>(header.e_phoff) + uint64_t{header.e_phnum} * sizeof(Phdr);
    if (header.e_phoff > fileSize || tableEnd > fileSize)
        return "cut short: its program headers end at byte " + std::to_string(tableEnd) + " but the file has " +
               bytes(fileSize) + " (an unfinished copy?)";

    std::vector<Phdr> segments(header.e_phnum);
    if (!readAt(fd, segments.data(), segments.size() * sizeof(Phdr), header.e_phoff))
        return std::string("its program headers cannot be read");
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Phdr& segment = segments[i];
        if (segment.p_type != PT_LOAD) continue;
        const uint64_t offset = segment.p_offset;
        const uint64_t size = segment.p_filesz;
        // Written as a subtraction so a huge p_filesz cannot wrap around.
        if (offset > fileSize || size > fileSize - offset)
            return "cut short: loadable segment " + std::to_string(i) + " needs the file's bytes up to " +
                   std::to_string(offset + size) + " but the file has " + bytes(fileSize) +
                   " (an unfinished copy?)";
    }
    return std::nullopt;
}

} // namespace

ElfTarget thisProgramsElfTarget() {
    ElfTarget target;
    target.elfClass = sizeof(void*) == 8 ? ELFCLASS64 : ELFCLASS32;
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    target.byteOrder = ELFDATA2MSB;
#else
    target.byteOrder = ELFDATA2LSB;
#endif
#if defined(__x86_64__)
    target.machine = EM_X86_64;
#elif defined(__aarch64__)
    target.machine = EM_AARCH64;
#elif defined(__i386__)
    target.machine = EM_386;
#elif defined(__arm__)
    target.machine = EM_ARM;
#elif defined(__riscv)
    target.machine = EM_RISCV;
#elif defined(__powerpc64__)
    target.machine = EM_PPC64;
#elif defined(__s390x__)
    target.machine = EM_S390;
#else
#error "add this machine's EM_ value to thisProgramsElfTarget()"
#endif
    return target;
}

std::string elfMachineName(uint16_t machine) {
    switch (machine) {
    case EM_X86_64: return "x86-64";
    case EM_386: return "x86 (32-bit)";
    case EM_AARCH64: return "AArch64 (64-bit ARM)";
    case EM_ARM: return "ARM (32-bit)";
    case EM_RISCV: return "RISC-V";
    case EM_PPC64: return "PowerPC 64";
    case EM_S390: return "IBM Z";
    default: return "machine " + std::to_string(machine);
    }
}

std::optional<std::string> checkElfFile(const std::filesystem::path& file, const ElfTarget& target) {
    const FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return std::string("cannot be opened: ") + std::strerror(errno);
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) return std::string("cannot be read: ") + std::strerror(errno);
    if (!S_ISREG(status.st_mode)) return std::string("not a regular file");
    const auto fileSize = static_cast<uint64_t>(status.st_size);

    unsigned char ident[EI_NIDENT] = {};
    const std::size_t identBytes = fileSize < EI_NIDENT ? static_cast<std::size_t>(fileSize) : EI_NIDENT;
    if (fileSize == 0) return std::string("an empty file (an unfinished copy?)");
    if (!readAt(fd.get(), ident, identBytes, 0)) return std::string("cannot be read: ") + std::strerror(errno);
    if (identBytes < SELFMAG || std::memcmp(ident, ELFMAG, SELFMAG) != 0)
        return std::string("not an ELF file (a shared library starts with the bytes 7f 45 4c 46)");
    if (identBytes < EI_NIDENT)
        return "cut short: " + bytes(fileSize) + ", less than its own ELF header (an unfinished copy?)";
    if (ident[EI_CLASS] != target.elfClass)
        return "a " + className(ident[EI_CLASS]) + " library; this kiosk is " + className(target.elfClass);
    if (ident[EI_DATA] != target.byteOrder)
        return "a " + byteOrderName(ident[EI_DATA]) + " library; this kiosk is " + byteOrderName(target.byteOrder);
    if (target.elfClass == ELFCLASS64) return checkHeaders<Elf64_Ehdr, Elf64_Phdr>(fd.get(), fileSize, target);
    return checkHeaders<Elf32_Ehdr, Elf32_Phdr>(fd.get(), fileSize, target);
}

} // namespace alignkiosk::plugin_host
