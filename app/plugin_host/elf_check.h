// A look at a plugin file's ELF headers before dlopen is allowed near it. dlopen maps every loadable segment as the
// program headers describe it; a segment that reaches past the end of a file cut short by a failed copy is mapped all
// the same, and the first touch of the missing part kills the process with SIGBUS. Reading the headers with read()
// cannot crash, so the kiosk refuses such a file with a reason instead.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace alignkiosk::plugin_host {

// What this program can load: its own ELF class, byte order and machine.
struct ElfTarget {
    unsigned char elfClass = 0; // ELFCLASS64 / ELFCLASS32
    unsigned char byteOrder = 0; // ELFDATA2LSB / ELFDATA2MSB
    uint16_t machine = 0;       // EM_X86_64, EM_AARCH64, ...
};
ElfTarget thisProgramsElfTarget();

// The reason a shared library loader must not be given `file`, or nothing when its headers are sound: it can be
// opened and read, starts with the ELF magic, is a shared object (ET_DYN) of `target`'s class, byte order and
// machine, its program header table is inside the file, and every PT_LOAD segment's file bytes
// (p_offset + p_filesz) are inside the file. Never throws for anything about the file's contents.
std::optional<std::string> checkElfFile(const std::filesystem::path& file,
                                        const ElfTarget& target = thisProgramsElfTarget());

// A person's name for an ELF e_machine value ("x86-64", "AArch64", ...; "machine 183" for one not listed).
std::string elfMachineName(uint16_t machine);

} // namespace alignkiosk::plugin_host
