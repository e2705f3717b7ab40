#!/usr/bin/env bash
# Regenerates the fixtures in this folder: runs curl's command-line tool (8.21.0) with
# --libcurl for each command line below, against echo_server.py on 127.0.0.1, from a copy
# of files/ (so file names in the fixtures are relative to that folder), then replaces the
# server's ports with placeholders that LibcurlToJavaTest substitutes:
#   47391 -> PORT_PLACEHOLDER (plain HTTP), 47392 -> TLS_PORT_PLACEHOLDER (HTTPS),
#   and the absolute path of the copy of files/ -> FILES_DIR_PLACEHOLDER (file:// URLs).
# Each fixture gets a line in commands.txt with the exact command line used.
#
#   generate.sh /path/to/curl
set -euo pipefail
curl=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
cp "$here"/files/* "$work"/
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
  -days 1 -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1 2>/dev/null
cp "$work/cert.pem" "$work/ca.pem"   # for --cacert; the test writes its own CA there
coproc SERVER { exec python3 "$here/echo_server.py" 47391 47392 "$work/cert.pem" "$work/key.pem"; }
server=$SERVER_PID
read -r -t 30 ready <&"${SERVER[0]}"   # the server says when it listens
[[ $ready == listening ]] || { echo "the echo server did not start" >&2; exit 1; }

P=http://127.0.0.1:47391
S=https://127.0.0.1:47392
: > "$here/commands.txt"

# gen NAME [<STDIN_FILE] ARGS...: one fixture
gen() {
  local name=$1 stdin=/dev/null
  shift
  if [[ $1 == \<* ]]; then stdin=$work/${1#<}; shift; fi
  (cd "$work" && "$curl" -s -o /dev/null --libcurl "$here/$name.c" "$@" < "$stdin") || true
  if [[ ! -f $here/$name.c ]]; then echo "curl wrote no $name.c" >&2; exit 1; fi
  sed -i -e 's/47391/PORT_PLACEHOLDER/g' -e 's/47392/TLS_PORT_PLACEHOLDER/g' \
    -e "s|$work|FILES_DIR_PLACEHOLDER|g" "$here/$name.c"
  local shown
  shown=$(printf ' %q' "$@" | sed -e 's/47391/PORT/g' -e 's/47392/TLS_PORT/g' \
    -e "s|$work|FILES_DIR|g")
  if [[ $stdin != /dev/null ]]; then shown="$shown < ${stdin#$work/}"; fi
  echo "$name.c: curl --libcurl $name.c$shown" >> "$here/commands.txt"
}

gen get               $P/echo
gen headers           -H 'X-Custom: one' -H 'X-Other: two' -H 'Accept:' -H 'X-Empty;' \
                      -H $'X-Tab: a\tb' -H 'X-Quote: "q" \back\slash' $P/echo
gen headers_file      -H @headers.txt $P/echo
gen data              -d 'name=value&x=a b' -d 'more=1' $P/echo
gen data_binary       --data-binary @post.bin -H 'Content-Type: application/octet-stream' $P/echo
gen data_urlencode    --data-urlencode 'q=hello wörld&?' --data-raw '@not-a-file' $P/echo
gen data_get          -G -d 'a=1' -d 'b=x+y' --url-query 'c=3 4' $P/echo
gen json              --json '{"key": "value", "n": [1, 2]}' $P/echo
gen form              -F 'field=value' -F 'file=@upload.bin;type=application/octet-stream' \
                      -F 'text=@form.txt;filename=renamed.txt;type=text/plain' \
                      -F 'hdr=with headers;headers="X-Part: 1";headers="X-Part-Two: 2"' $P/echo
gen form_nested       -F 'top=1' -F 'b64=@form.txt;encoder=base64' \
                      -F 'nested=(;type=multipart/mixed' -F 'a=<form.txt' -F 'b=2' -F '=)' \
                      -F 'qp=caf\é;encoder=quoted-printable' $P/echo
gen form_string       --form-string 'literal=@not-a-file;type=x' \
                      -F 'f=@form.txt;headers=@headers.txt' $P/echo
gen form_stdin        '<stdin.txt' -F 'in=@-;type=text/plain' -F 'after=1' $P/echo
gen user              -u 'user:pa:ss' $P/echo
gen digest            --digest -u 'user:secret' $P/echo
gen anyauth           --anyauth -u 'user:secret' $P/echo
gen bearer            --oauth2-bearer 'tok.en' $P/echo
gen method_patch      -X PATCH -d 'patched' $P/echo
gen method_delete     -X DELETE $P/echo
gen head              -I $P/echo
gen include           -i $P/echo
gen compressed        --compressed $P/echo
gen follow            -L --max-redirs 5 --post301 --post302 $P/redirect/2
gen resolve           --resolve example.test:47391:127.0.0.1 http://example.test:47391/echo
gen connect_to        --connect-to example.test:80:127.0.0.1:47391 http://example.test/echo
gen proxy             -x $P -U 'proxyuser:proxypass' --proxy-basic http://example.test/echo
gen insecure_tls      -k --ssl-allow-beast --ssl-no-revoke $S/echo
gen cacert            --cacert ca.pem $S/echo
gen tls_max           -k --tlsv1.2 --tls-max 1.3 $S/echo
gen timeouts          --connect-timeout 5 -m 20 --expect100-timeout 2 --keepalive-time 30 \
                      -Y 1 -y 10 --limit-rate 1M $P/echo
gen http2_tls         --http2 -k $S/echo
gen http2_prior       --http2-prior-knowledge $P/echo
gen http11            --http1.1 --no-keepalive --tcp-nodelay $P/echo
gen http10            --http1.0 -4 $P/echo
gen cookies           -b 'a=1; b=2' -c jar.txt $P/echo
gen cookie_file       -b cookies.txt --junk-session-cookies $P/echo
gen agent_referer     -A 'Agent/1.0 (test??=)' -e 'http://ref.example/?q=1' --retry 3 \
                      --retry-delay 1 $P/echo
gen upload            -T upload.bin $P/upload
gen upload_post       -T upload.bin -X POST -H 'Expect:' $P/echo
gen upload_stdin      '<upload.bin' -T - $P/upload
gen range_resume      -r 0-99 $P/echo
gen resume            -C 5 $P/echo
gen fail              --fail --path-as-is $P/status/../echo/404
gen misc              --proto '=http,https' --proto-redir '=https' -z 'Tue, 01 Jan 2030 00:00:00 GMT' \
                      --netrc-optional --location-trusted -H 'X-Unicode: grüße ☃' $P/echo
gen two_urls          -d 'first=1' $P/echo --next -H 'X-Second: 2' $P/echo
gen verbose           -v $P/echo
gen file_url          "file://$work/form.txt"
gen decoding          --raw --tr-encoding --max-filesize 100000 $P/echo
gen alt_svc           --alt-svc altsvc.txt --hsts hsts.txt $P/echo
gen big_data          --data-binary @big.bin $P/echo
gen latin1_header     -H $'X-Latin: caf\xe9' $P/echo
