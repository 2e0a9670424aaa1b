// checkElfFile against real files: the built fixtures, and copies of a good one with one header field changed or
// cut short, the way a failed copy or a plugin built for another machine arrives.
#include "plugin_host/elf_check.h"

#include "support/temp_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <elf.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using alignkiosk::plugin_host::checkElfFile;
using alignkiosk::plugin_host::elfMachineName;
using alignkiosk::plugin_host::thisProgramsElfTarget;
using alignkiosk::test_support::TempDir;
using testing::HasSubstr;

const fs::path kGood = fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "good" / "fixture_good.so";

std::vector<char> readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path writeAll(const fs::path& file, const std::vector<char>& bytes) {
    std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file;
}

Elf64_Ehdr headerOf(const std::vector<char>& bytes) {
    Elf64_Ehdr header{};
    std::memcpy(&header, bytes.data(), sizeof header);
    return header;
}

// The end of the loadable segment that reaches furthest into the file.
uint64_t endOfLoadableBytes(const std::vector<char>& bytes) {
    const Elf64_Ehdr header = headerOf(bytes);
    uint64_t end = 0;
    for (int i = 0; i < header.e_phnum; ++i) {
        Elf64_Phdr segment{};
        std::memcpy(&segment, bytes.data() + header.e_phoff + static_cast<uint64_t>(i) * sizeof segment,
                    sizeof segment);
        if (segment.p_type == PT_LOAD) end = std::max<uint64_t>(end, segment.p_offset + segment.p_filesz);
    }
    return end;
}

TEST(ElfCheck, AcceptsABuiltPluginAndTheRealOnes) {
    EXPECT_EQ(checkElfFile(kGood), std::nullopt);
    for (const char* name : {"diagnostic_signs.so", "focus_assessment.so", "stakeholder_mapping.so"})
        EXPECT_EQ(checkElfFile(fs::path(ALIGNKIOSK_PLUGIN_DIR) / name), std::nullopt) << name;
}

TEST(ElfCheck, RefusesTheCutShortFixtureNamingTheSegment) {
    const auto reason = checkElfFile(fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "unsafe" / "fixture_truncated.so");
    ASSERT_TRUE(reason.has_value());
    EXPECT_THAT(*reason, HasSubstr("cut short: loadable segment "));
    EXPECT_THAT(*reason, HasSubstr("but the file has 8192 bytes"));
}

TEST(ElfCheck, AFileCutOneByteBeforeItsLastLoadableByteIsRefusedAndOneCutAfterItIsNot) {
    const TempDir dir;
    std::vector<char> bytes = readAll(kGood);
    const uint64_t end = endOfLoadableBytes(bytes);
    ASSERT_GT(end, 0u);
    ASSERT_LE(end, bytes.size());
    bytes.resize(end - 1);
    EXPECT_THAT(checkElfFile(writeAll(dir.path() / "short.so", bytes)).value_or(""),
                HasSubstr("needs the file's bytes up to " + std::to_string(end)));
    bytes = readAll(kGood);
    bytes.resize(end); // the section headers and symbols are gone, but nothing dlopen maps is
    EXPECT_EQ(checkElfFile(writeAll(dir.path() / "whole.so", bytes)), std::nullopt);
}

TEST(ElfCheck, RefusesFilesThatAreNotLibrariesOfThisMachine) {
    const TempDir dir;
    const std::vector<char> good = readAll(kGood);
    const auto changed = [&](const char* name, auto change) {
        std::vector<char> bytes = good;
        Elf64_Ehdr header = headerOf(bytes);
        change(header);
        std::memcpy(bytes.data(), &header, sizeof header);
        return checkElfFile(writeAll(dir.path() / name, bytes)).value_or("(accepted)");
    };
    const std::string here = elfMachineName(thisProgramsElfTarget().machine);
    const uint16_t other = thisProgramsElfTarget().machine == EM_AARCH64 ? EM_X86_64 : EM_AARCH64;
    EXPECT_EQ(changed("arm.so", [&](Elf64_Ehdr& h) { h.e_machine = other; }),
              "built for " + elfMachineName(other) + "; this kiosk runs on " + here);
    EXPECT_EQ(changed("32.so", [](Elf64_Ehdr& h) { h.e_ident[EI_CLASS] = ELFCLASS32; }),
              "a 32-bit library; this kiosk is 64-bit");
    EXPECT_THAT(changed("be.so", [](Elf64_Ehdr& h) { h.e_ident[EI_DATA] = ELFDATA2MSB; }), HasSubstr("big-endian"));
    EXPECT_EQ(changed("exec.so", [](Elf64_Ehdr& h) { h.e_type = ET_EXEC; }),
              "an ELF file but not a shared library (a program)");
    EXPECT_THAT(changed("phoff.so", [](Elf64_Ehdr& h) { h.e_phoff = 1u << 30; }),
                HasSubstr("cut short: its program headers end at byte "));
    EXPECT_THAT(changed("phent.so", [](Elf64_Ehdr& h) { h.e_phentsize = 12; }), HasSubstr("program headers of 12 bytes"));
}

TEST(ElfCheck, ASegmentSizeThatWouldWrapAroundIsRefused) {
    const TempDir dir;
    std::vector<char> bytes = readAll(kGood);
    const Elf64_Ehdr header = headerOf(bytes);
    for (int i = 0; i < header.e_phnum; ++i) {
        char* at = bytes.data() + header.e_phoff + static_cast<uint64_t>(i) * sizeof(Elf64_Phdr);
        Elf64_Phdr segment{};
        std::memcpy(&segment, at, sizeof segment);
        if (segment.p_type != PT_LOAD || segment.p_offset < 2) continue;
        segment.p_filesz = ~uint64_t{0} - segment.p_offset + 2; // offset + size wraps around to 1
        std::memcpy(at, &segment, sizeof segment);
        break;
    }
    EXPECT_THAT(checkElfFile(writeAll(dir.path() / "wrap.so", bytes)).value_or(""), HasSubstr("cut short"));
}

TEST(ElfCheck, SaysWhatAFileIsWhenItIsNoElfAtAll) {
    const TempDir dir;
    EXPECT_EQ(checkElfFile(fs::path(ALIGNKIOSK_FIXTURE_PLUGIN_DIR) / "broken" / "fixture_not_elf.so"),
              "not an ELF file (a shared library starts with the bytes 7f 45 4c 46)");
    EXPECT_EQ(checkElfFile(writeAll(dir.path() / "empty.so", {})), "an empty file (an unfinished copy?)");
    EXPECT_THAT(checkElfFile(writeAll(dir.path() / "magic.so", {'\x7f', 'E', 'L', 'F', 2})).value_or(""),
                HasSubstr("cut short: 5 bytes, less than its own ELF header"));
    EXPECT_THAT(checkElfFile(dir.path() / "missing.so").value_or(""),
                HasSubstr("cannot be opened: No such file or directory"));
    EXPECT_EQ(checkElfFile(dir.path()), "not a regular file");
}

} // namespace
