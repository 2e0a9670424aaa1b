#include "png_file.h"

#include <png.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace alignkiosk::platform {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

// libpng reports an error by longjmp to the setjmp in writeRows; this keeps its message for the caller.
void keepError(png_structp png, png_const_charp message) {
    *static_cast<std::string*>(png_get_error_ptr(png)) = message ? message : "libpng failed";
    png_longjmp(png, 1);
}

// The libpng calls alone, between setjmp and any longjmp back: everything with a destructor lives in the caller.
bool writeRows(png_structp png, png_infop info, std::FILE* out, int width, int height, png_bytepp rows) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_init_io(png, out);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // Flat colours and text compress well even at the fastest level; one filter, not a trial of five per row.
    png_set_compression_level(png, 1);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_write_info(png, info);
    png_set_filler(png, 0, PNG_FILLER_AFTER); // each pixel's fourth byte (alpha) is left out
    png_write_image(png, rows);
    png_write_end(png, nullptr);
    return true;
}

} // namespace

bool writePng(const std::filesystem::path& file, int width, int height, const unsigned char* pixels,
              std::string& error) {
    std::unique_ptr<std::FILE, FileCloser> out(std::fopen(file.c_str(), "wb"));
    if (!out) {
        error = "cannot write " + file.string();
        return false;
    }
    // GL's rows run bottom-up; PNG's top-down.
    std::vector<png_bytep> rows(static_cast<std::size_t>(height));
    const std::size_t stride = static_cast<std::size_t>(width) * 4u;
    for (int y = 0; y < height; ++y)
        rows[static_cast<std::size_t>(y)] =
            const_cast<png_bytep>(pixels + static_cast<std::size_t>(height - 1 - y) * stride);
    std::string failure;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &failure, keepError, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    const bool written = info && writeRows(png, info, out.get(), width, height, rows.data());
    png_destroy_write_struct(&png, info ? &info : nullptr);
    if (!written || std::fflush(out.get()) != 0) {
        error = "cannot write " + file.string() + (failure.empty() ? "" : ": " + failure);
        return false;
    }
    return true;
}

} // namespace alignkiosk::platform
