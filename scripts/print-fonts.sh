#!/usr/bin/env bash
# Builds the PDF print fonts (ADR 0082): AR PL UMing CN and WenQuanYi Zen Hei cut down to GB2312 plus Latin and
# punctuation, as single-face TrueType files, and a fontconfig file that adds them, under the families
# "SmeZones Print Song" and "SmeZones Print Hei", to the system's fonts. Chromium copies the whole file of every font
# a document uses into each print job (about 38 MB for the two full collections, ~60 % of a PDF's CPU); the cut-down
# files are ~7 MB. Characters outside them fall back, per character, to the full fonts named next in the print CSS.
# Usage: print-fonts.sh [directory]   (default /usr/local/share/smezones/print-fonts; needs hb-subset and iconv)
set -euo pipefail

dir="${1:-/usr/local/share/smezones/print-fonts}"
uming=/usr/share/fonts/truetype/arphic/uming.ttc
zenhei=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
for f in "$uming" "$zenhei"; do [ -f "$f" ] || { echo "$f is missing (fonts-arphic-uming, fonts-wqy-zenhei)" >&2; exit 1; }; done
command -v hb-subset >/dev/null || { echo "hb-subset is missing (Debian package libharfbuzz-bin)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Every GB2312 code point: rows 0xA1-0xF7, cells 0xA1-0xFE; iconv -c drops the unassigned ones.
LC_ALL=C awk 'BEGIN { for (r = 161; r <= 247; r++) for (c = 161; c <= 254; c++) printf "%c%c", r, c }' \
  | iconv -c -f GB2312 -t UTF-8 > "$work/gb2312.txt"
# Basic Latin, Latin-1, general punctuation, letterlike and number forms, arrows, enclosed numbers, box drawing,
# shapes, CJK symbols and punctuation, full- and half-width forms.
ranges="20-7E,A0-FF,2000-206F,2100-218F,2190-21FF,2460-24FF,2500-25FF,3000-303F,FF00-FFEF"

mkdir -p "$dir"
hb-subset "$uming" --face-index=0 --text-file="$work/gb2312.txt" --unicodes+="$ranges" \
  --drop-tables+=EBDT,EBLC,EBSC --output-file="$work/print-song.ttf"
hb-subset "$zenhei" --face-index=0 --text-file="$work/gb2312.txt" --unicodes+="$ranges" \
  --drop-tables+=EBDT,EBLC,EBSC --output-file="$work/print-hei.ttf"
install -m 0644 "$work/print-song.ttf" "$work/print-hei.ttf" "$dir/"

# The files keep their fonts' own names (so PDFs still name UMingCN and WenQuanYiZenHei); fontconfig gives them
# families of their own when it scans them, so the print CSS can ask for them first without shadowing the full fonts.
cat > "$dir/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by scripts/print-fonts.sh: the system's fonts plus the print fonts (ADR 0082). -->
<fontconfig>
  <include ignore_missing="no">/etc/fonts/fonts.conf</include>
  <dir>$dir</dir>
  <match target="scan">
    <test name="file"><string>$dir/print-song.ttf</string></test>
    <edit name="family" mode="assign_replace"><string>SmeZones Print Song</string></edit>
    <edit name="familylang" mode="assign_replace"><string>en</string></edit>
  </match>
  <match target="scan">
    <test name="file"><string>$dir/print-hei.ttf</string></test>
    <edit name="family" mode="assign_replace"><string>SmeZones Print Hei</string></edit>
    <edit name="familylang" mode="assign_replace"><string>en</string></edit>
  </match>
</fontconfig>
CONF
FONTCONFIG_FILE="$dir/fonts.conf" fc-cache "$dir"
echo "Print fonts in $dir: $(du -k "$dir/print-song.ttf" | cut -f1) KiB + $(du -k "$dir/print-hei.ttf" | cut -f1) KiB"
