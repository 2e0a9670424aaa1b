// Writing what GL drew to a PNG file, with libpng at zlib's fastest level: a dashboard picture is tens of millions of
// pixels, which stb's encoder took seconds each to compress while the facilitator's window stood still.
#pragma once

#include <filesystem>
#include <string>

namespace alignkiosk::platform {

// `pixels`: `height` rows of `width` RGBA pixels, the bottom row first (as glReadPixels reads them); written top row
// first, as RGB (the frames are opaque). False with `error` when the file cannot be written.
bool writePng(const std::filesystem::path& file, int width, int height, const unsigned char* pixels,
              std::string& error);

} // namespace alignkiosk::platform
