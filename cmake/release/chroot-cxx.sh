#!/usr/bin/env bash
# JavaCPP's platform.compiler for the release natives: runs the C++ compiler
# driver named by CURLEW_RELEASE_CXX (default g++; aarch64-linux-gnu-g++ for
# linux-arm64) inside the bullseye build root, in the current directory, with
# the arguments JavaCPP gives. Paths stay valid because in-root.sh mounts the
# project, the dependency cache and /usr/lib/jvm at their host paths.
exec "$(dirname "$0")/in-root.sh" "${CURLEW_RELEASE_CXX:-g++}" "$@"
