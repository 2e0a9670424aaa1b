#!/usr/bin/env python3
# Fails when the build compiled against a header whose Debian package the install script does not bring in, directly
# or through its dependencies: such a build is green only on a machine where someone installed the package by hand,
# and a fresh Debian 12 machine stops at the build (issue 10, part 1: libxrandr-dev).
#
# Evidence, all from the machine itself: the headers every object was compiled against (ninja's dependency log), the
# package that owns each (dpkg -S), and the packages the install script's list pulls in (apt-cache depends --recurse,
# without recommends, as the script installs with --no-install-recommends). Alternatives ("a | b") count as pulled
# in, so the closure is a little larger than what apt would choose; a missing package is never hidden by that unless
# it is itself one of the alternatives.
#
# Usage: install_packages_test.py BUILD_DIR INSTALL_SCRIPT [--prove-without PACKAGE]
#        install_packages_test.py --self-test
#   BUILD_DIR                a complete Ninja build (the test says so when it is not); $NINJA names ninja if needed
#   --prove-without PACKAGE  take PACKAGE out of the script's list and pass only if the check then fails naming it:
#                            proof that the check notices a missing package.
#   --self-test              the dpkg -S output parser against diversions and multi-owner lines.
import os
import re
import subprocess
import sys


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


# [SECTION] The build's dependency log ---------------------------------------------------------------------------

def ninja(build_dir, *arguments):
    return subprocess.run([os.environ.get("NINJA", "ninja"), "-C", build_dir, *arguments], check=True,
                          capture_output=True, text=True).stdout


def is_out_of_date(build_dir, obj, inputs):
    """Whether a file the object was compiled from changed after it (what ninja would rebuild it for)."""
    try:
        built = os.stat(os.path.join(build_dir, obj)).st_mtime_ns
        return any(os.stat(os.path.join(build_dir, path)).st_mtime_ns > built for path in inputs)
    except FileNotFoundError:
        return True


def cmake_source_dir(build_dir):
    """The sources the build was configured from (its headers are the project's own, not a package's)."""
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt"), encoding="utf-8") as cache:
            for line in cache:
                if line.startswith("CMAKE_HOME_DIRECTORY:INTERNAL="):
                    return os.path.realpath(line.split("=", 1)[1].strip())
    except FileNotFoundError:
        pass
    fail(f"{build_dir} is not a configured CMake build (no CMakeCache.txt); configure and build first")


def compiled_headers(build_dir, source_dir):
    """{header: first object compiled against it} for every header outside the source and build trees.

    Fails when an object of the build has no up-to-date entry in the log: the log then says nothing about what that
    file includes, so the test would pass on a half-built tree."""
    objects = set()
    for line in ninja(build_dir, "-t", "targets", "all").splitlines():
        output, _, rule = line.rpartition(": ")
        if "_COMPILER__" in rule:  # CMake's compile rules: C_COMPILER__<target>_<config>, CXX_COMPILER__...
            objects.add(output)
    headers = {}
    inputs = {}  # object: every file it was compiled from, as the log records them
    current = None
    for line in ninja(build_dir, "-t", "deps").splitlines():
        if not line.startswith(" "):
            match = re.match(r"^(.*): #deps \d+, deps mtime \d+ \((VALID|STALE)\)$", line)
            current = match.group(1) if match and match.group(2) == "VALID" else None
            if current is not None:
                inputs[current] = []
            continue
        if current is None:
            continue
        path = line.strip()
        inputs[current].append(path)
        if not path.startswith("/"):
            continue
        path = os.path.normpath(path)
        if path.startswith(source_dir + os.sep) or path.startswith(build_dir + os.sep):
            continue
        headers.setdefault(path, current)
    not_built = sorted(obj for obj in objects if obj not in inputs or is_out_of_date(build_dir, obj, inputs[obj]))
    if not objects:
        fail(f"{build_dir} defines no compile steps; is it a Ninja build of alignkiosk?")
    if not_built:
        fail(f"the build in {build_dir} is not complete: {len(not_built)} of {len(objects)} objects are not compiled "
             f"or out of date (e.g. {not_built[0]}). This test reads the build's dependency log; run "
             f"`cmake --build {build_dir}` first.")
    return headers


# [SECTION] Which package owns a file ----------------------------------------------------------------------------

def parse_dpkg_search(text):
    """{path: set of packages whose copy of the file is the one on disk} from `dpkg -S PATH...` output.

    Shapes handled:  "libfoo-dev:amd64: /usr/include/foo.h"           (architecture qualifier dropped)
                     "pkg-a, pkg-b:amd64: /usr/include/shared.h"       (several owners; any one will do)
                     "diversion by pkg-x from: /usr/include/foo.h"     (pkg-x's file is the one on disk)
                     "diversion by pkg-x to: /usr/include/foo.h.real"  (the diverted copy; not what was compiled)
                     "local diversion from: /usr/include/foo.h"        (the administrator's: no package)"""
    owners = {}
    diverted = {}
    for line in text.splitlines():
        match = re.match(r"^diversion by (\S+) from: (/.*)$", line)
        if match:
            diverted[match.group(2)] = {match.group(1)}
            continue
        match = re.match(r"^local diversion from: (/.*)$", line)
        if match:
            diverted[match.group(1)] = set()
            continue
        if line.startswith("diversion by ") or line.startswith("local diversion "):
            continue
        match = re.match(r"^(.+?): (/.*)$", line)
        if match:
            packages = {name.strip().split(":")[0] for name in match.group(1).split(",")}
            owners.setdefault(match.group(2), set()).update(packages)
    owners.update(diverted)
    return owners


def owning_packages(headers):
    """{header: owners}; an empty set for a file no package owns (installed by hand, or under /usr/local)."""
    def search(paths):
        result = subprocess.run(["dpkg", "-S", *paths], capture_output=True, text=True)
        return parse_dpkg_search(result.stdout)  # exit status 1 when some path has no owner: handled below

    paths = sorted(headers)
    owners = {}
    for start in range(0, len(paths), 500):
        owners.update(search(paths[start:start + 500]))
    # A path reached through a symbolic link (/usr/lib/x/../../include/...) is owned under its real name.
    unresolved = {path: os.path.realpath(path) for path in paths if path not in owners}
    resolved = search(sorted(set(unresolved.values()) - {""})) if unresolved else {}
    return {path: owners.get(path, resolved.get(unresolved.get(path), set())) for path in paths}


# [SECTION] What the install script brings in --------------------------------------------------------------------

def script_packages(script):
    """The install script's `packages=( ... )` list, read by bash itself so quoting and comments mean what they mean
    when the script runs."""
    with open(script, encoding="utf-8") as handle:
        match = re.search(r"^packages=\(.*?^\)", handle.read(), re.MULTILINE | re.DOTALL)
    if not match:
        fail(f"{script} has no `packages=( ... )` list")
    program = match.group(0) + '\nprintf "%s\\n" "${packages[@]}"\n'
    listed = subprocess.run(["bash", "-c", program], check=True, capture_output=True, text=True).stdout.split()
    if not listed:
        fail(f"the packages list of {script} is empty")
    return listed


def dependency_closure(packages):
    result = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
                             "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", *packages],
                            capture_output=True, text=True)
    closure = set()
    for line in result.stdout.splitlines():
        if line and not line[0].isspace():  # the packages themselves; indented lines are their relations
            closure.add(line.strip("<>").split(":")[0])
    unknown = [package for package in packages if package not in closure]
    if unknown:
        fail(f"apt knows no package {', '.join(unknown)}: a misspelt name in the install script, or this machine "
             f"has no apt package lists (run `apt-get update`, or the install script, which runs it when it "
             f"installs anything). apt-cache said: {result.stderr.strip()}")
    return closure


# [SECTION] The check --------------------------------------------------------------------------------------------

def missing_packages(build_dir, source_dir, packages):
    """[(package or None, example header, object)] for headers the install list does not bring in."""
    headers = compiled_headers(build_dir, source_dir)
    if not any(path.startswith("/usr/include/") for path in headers):
        fail(f"the dependency log of {build_dir} lists no system headers; is it an alignkiosk build?")
    closure = dependency_closure(packages)
    missing = {}
    for header, owners in owning_packages(headers).items():
        if owners and owners & closure:
            continue
        key = " or ".join(sorted(owners)) if owners else None
        missing.setdefault(key, (header, headers[header]))
    return [(package, header, obj) for package, (header, obj) in sorted(missing.items(), key=lambda m: str(m[0]))]


def report(missing, script):
    print(f"The build compiled against headers that {script} does not bring in:")
    for package, header, obj in missing:
        owner = package if package else "(no Debian package: installed by hand?)"
        print(f"  {owner}: {header} (included by {obj})")
    print(f"A fresh Debian 12 machine would stop at the build. Add the packages to {script}.")


def self_test():
    sample = "\n".join([
        "libc6-dev:amd64: /usr/include/stdio.h",
        "pkg-a, pkg-b:amd64: /usr/include/shared.h",
        "diversion by pkg-x from: /usr/include/diverted.h",
        "diversion by pkg-x to: /usr/include/diverted.h.distrib",
        "pkg-x, pkg-y: /usr/include/diverted.h",
        "local diversion from: /usr/include/local.h",
        "local diversion to: /usr/include/local.h.orig",
        "pkg-z: /usr/include/local.h",
    ])
    expected = {
        "/usr/include/stdio.h": {"libc6-dev"},
        "/usr/include/shared.h": {"pkg-a", "pkg-b"},
        "/usr/include/diverted.h": {"pkg-x"},
        "/usr/include/local.h": set(),
    }
    parsed = parse_dpkg_search(sample)
    if parsed != expected:
        fail(f"dpkg -S parser: expected {expected}, got {parsed}")
    print("dpkg -S parser: arch qualifiers, several owners and diversions read as intended")


def main(arguments):
    if arguments == ["--self-test"]:
        self_test()
        return
    if len(arguments) not in (2, 4) or (len(arguments) == 4 and arguments[2] != "--prove-without"):
        sys.exit("usage: install_packages_test.py BUILD_DIR INSTALL_SCRIPT [--prove-without PACKAGE] | --self-test")
    build_dir = os.path.realpath(arguments[0])
    script = os.path.realpath(arguments[1])
    source_dir = cmake_source_dir(build_dir)
    packages = script_packages(script)

    if len(arguments) == 4:
        removed = arguments[3]
        if removed not in packages:
            fail(f"{removed} is not in {script}'s list")
        missing = missing_packages(build_dir, source_dir, [p for p in packages if p != removed])
        named = [m for m in missing if m[0] and removed in m[0].split(" or ")]
        if not named:
            fail(f"with {removed} taken out of the install list the check still passed: it would not notice "
                 f"a missing package")
        report(missing, f"{script} without {removed}")
        print(f"As it should: the check notices {removed} missing.")
        return

    missing = missing_packages(build_dir, source_dir, packages)
    if missing:
        report(missing, script)
        sys.exit(1)
    print(f"Every header the build compiled against comes from a package that {script} brings in.")


if __name__ == "__main__":
    main(sys.argv[1:])
