#!/usr/bin/env bash
# Installs the Debian 12 packages alignkiosk builds, runs and tests with. Safe to run again; uses sudo when not root.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config ccache
  # libraries (see third_party/CMakeLists.txt)
  libimgui-dev libglfw3-dev libgl-dev libpng-dev libsqlite3-dev libcereal-dev rapidjson-dev
  # ImGui's font atlas: stb_truetype and stb_rect_pack, which Debian's ImGui archive links from libstb
  libstb-dev
  # GLFW's native-access header (glfw3native.h, tests/platform/kiosk_window_test.cpp) includes Xrandr.h
  libxrandr-dev
  libsodium-dev libcli11-dev
  # HTTP between laptops and a facilitator's collector (app/collection/collector.cpp, delivery_client.cpp)
  libcpp-httplib-dev
  # the program's own words per language: plurals, numbers and dates (app/core/messages.cpp)
  libicu-dev
  # finding a collector by its join code alone: DNS-SD through Avahi (app/collection/collector_*.cpp)
  libavahi-client-dev
  # the answer store on PostgreSQL (app/core/postgres_store.cpp): the client library, and the server the tests start
  libpq-dev postgresql-15
  # the facilitator's PDF report (app/report): cairo writes the PDF, pango lays out the text
  libcairo2-dev libpango1.0-dev
  # tests
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3
  # reading the report back in tests/e2e/report_test.sh: pdftotext, pdfinfo, pdftoppm
  poppler-utils
  # talking HTTP to the collector in tests/e2e/collect_test.sh
  curl
  # an announced collector found by a laptop in two network namespaces of the test's own
  # (tests/e2e/discovery_test.sh): a D-Bus bus and an Avahi daemon per namespace, veth links
  avahi-daemon dbus-daemon iproute2 util-linux
  # running and testing the real window: fonts, a virtual display, GL in software, clicking
  fonts-dejavu-core libgl1-mesa-dri xvfb xauth xdotool
  # capturing and comparing a window's pixels (tests/e2e/laptop_workshop_test.sh: import, compare)
  imagemagick
  # sending a window manager's close and minimise requests (tests/e2e/kiosk_quit_test.sh: ctypes and libX11)
  python3
)

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
