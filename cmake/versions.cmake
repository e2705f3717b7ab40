# Pinned third-party sources of the bundled native stack.
#
# Each entry names the file as Debian's source package carries it (that is
# where this environment gets sources), its SHA-256, the Debian source
# package version that serves it, and, where the Debian file is byte-identical
# to the upstream release tarball, the upstream download location.
#
# Changing anything here changes the dependency cache key (build-native.sh),
# so the next build rebuilds the stack.

# curl 8.21.0: the newest release whose files Debian serves here (sid and
# trixie-backports). Debian's orig tarball is the signed upstream tarball.
set(CURL_VERSION 8.21.0)
set(CURL_FILE curl_8.21.0.orig.tar.gz)
set(CURL_SHA256 d9b327997999045a24cda50f3983e69e51c516bd8be6ef9842fc7f99135e33bb)
set(CURL_DEBSRC curl=8.21.0-2)
set(CURL_UPSTREAM https://curl.se/download/curl-8.21.0.tar.gz)

# OpenSSL 3.5.7: the 3.5 LTS line (supported to 2030), Debian trixie.
set(OPENSSL_VERSION 3.5.7)
set(OPENSSL_FILE openssl_3.5.7.orig.tar.gz)
set(OPENSSL_SHA256 a8c0d28a529ca480f9f36cf5792e2cd21984552a3c8e4aa11a24aa31aeac98e8)
set(OPENSSL_DEBSRC openssl=3.5.7-1~deb13u2)
set(OPENSSL_UPSTREAM https://github.com/openssl/openssl/releases/download/openssl-3.5.7/openssl-3.5.7.tar.gz)

# nghttp2 1.70.0 (git archive of the release tag, as Debian packs it).
set(NGHTTP2_VERSION 1.70.0)
set(NGHTTP2_FILE nghttp2_1.70.0.orig.tar.gz)
set(NGHTTP2_SHA256 aa317e2cf9dca6afa0aed68f8fad6ff303ec6982e25a78c75c0b65e2b9b3ded5)
set(NGHTTP2_DEBSRC nghttp2=1.70.0-1)
set(NGHTTP2_UPSTREAM "")

# zlib 1.3.1 (Debian's DFSG repack; its CMake build lacks win32/, so the
# superbuild uses zlib's configure script).
set(ZLIB_VERSION 1.3.1)
set(ZLIB_FILE zlib_1.3.dfsg+really1.3.1.orig.tar.gz)
set(ZLIB_SHA256 60dd315c07f616887caa029408308a018ace66e3d142726a97db164b3b8f69fb)
set(ZLIB_DEBSRC zlib=1:1.3.dfsg+really1.3.1-1)
set(ZLIB_UPSTREAM "")

# brotli 1.1.0 (git archive), decoder only is linked.
set(BROTLI_VERSION 1.1.0)
set(BROTLI_FILE brotli_1.1.0.orig.tar.gz)
set(BROTLI_SHA256 10973f4b4199eafa1d5735ef661ddb2ec2f97319ee9fd1824d4aabe08cff5265)
set(BROTLI_DEBSRC brotli=1.1.0-2+deb13u1)
set(BROTLI_UPSTREAM "")

# zstd 1.5.7 (Debian's DFSG repack; build/cmake is intact).
set(ZSTD_VERSION 1.5.7)
set(ZSTD_FILE libzstd_1.5.7+dfsg.orig.tar.xz)
set(ZSTD_SHA256 0c092ef267edce57ba7f3f2645c861f72eaf5e76273c6c3632869423464b90a5)
set(ZSTD_DEBSRC libzstd=1.5.7+dfsg-1)
set(ZSTD_UPSTREAM "")
