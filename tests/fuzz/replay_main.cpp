// The replay half of every fuzz target in the ordinary build (g++, no libFuzzer): runs the target's
// LLVMFuzzerTestOneInput over every file of the corpus directories and files given, as libFuzzer does when it
// replays a corpus. ctest runs it over tests/fuzz/corpus/<target>/, so each input that ever found a crash or new code
// stays checked on every run. A crash fails the test; the last "replaying" line names the input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputsIn(const fs::path& path) {
    std::vector<fs::path> inputs;
    if (fs::is_directory(path)) {
        for (const fs::directory_entry& entry : fs::recursive_directory_iterator(path))
            if (entry.is_regular_file()) inputs.push_back(entry.path());
        std::sort(inputs.begin(), inputs.end()); // the same order on every machine
    } else if (fs::is_regular_file(path)) {
        inputs.push_back(path);
    }
    return inputs;
}

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const std::vector<fs::path> inputs = inputsIn(argv[i]);
        // An empty or misspelt corpus would make a passing test that checks nothing.
        if (inputs.empty()) {
            std::fprintf(stderr, "%s: no inputs there\n", argv[i]);
            return 1;
        }
        for (const fs::path& input : inputs) {
            std::printf("replaying %s\n", input.c_str());
            std::fflush(stdout);
            const std::string bytes = readBytes(input);
            try {
                LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
            } catch (const std::exception& error) {
                // libFuzzer would die of it: a target's code under test must not let an exception out.
                std::fprintf(stderr, "%s: an exception escaped: %s\n", input.c_str(), error.what());
                return 1;
            }
            ++replayed;
        }
    }
    std::printf("replayed %zu inputs without a crash\n", replayed);
    return 0;
}
