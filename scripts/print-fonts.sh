#!/usr/bin/env bash
# Builds the PDF print fonts (ADR 0082): AR PL UMing CN and WenQuanYi Zen Hei cut down to GB2312 plus Latin and
# punctuation, as single-face TrueType files, and a fontconfig file that adds them, under the families
# "SmeZones Print Song" and "SmeZones Print Hei", to the system's fonts. Chromium copies the whole file of every font
# a document uses into each print job (about 38 MB for the two full collections, most of a PDF's CPU); the cut-down
# files are ~9 MB. Characters outside them fall back, per character, to the full fonts named next in the print CSS.
# Usage: print-fonts.sh [directory]   (default /usr/local/share/smezones/print-fonts; needs pyftsubset and iconv)
set -euo pipefail

dir="${1:-/usr/local/share/smezones/print-fonts}"
uming=/usr/share/fonts/truetype/arphic/uming.ttc
zenhei=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
for f in "$uming" "$zenhei"; do [ -f "$f" ] || { echo "$f is missing (fonts-arphic-uming, fonts-wqy-zenhei)" >&2; exit 1; }; done
command -v pyftsubset >/dev/null || { echo "pyftsubset is missing (Debian package fonttools)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Every GB2312 character: rows 0xA1-0xF7, cells 0xA1-0xFE; iconv -c drops the unassigned ones.
LC_ALL=C awk 'BEGIN { for (r = 161; r <= 247; r++) for (c = 161; c <= 254; c++) printf "%c%c", r, c }' \
  | iconv -c -f GB2312 -t UTF-8 > "$work/gb2312.txt"
# Basic Latin, Latin-1, general punctuation, letterlike and number forms, arrows, enclosed numbers, box drawing,
# shapes, CJK symbols and punctuation, full- and half-width forms.
ranges="20-7E,A0-FF,2000-206F,2100-218F,2190-21FF,2460-24FF,2500-25FF,3000-303F,FF00-FFEF"

# Everything but the characters stays: layout features, hinting, names, and the embedded bitmaps, whose metrics
# FreeType uses at 11-16 px, so text lays out exactly as with the full fonts.
subset() {
  pyftsubset "$1" --font-number=0 --text-file="$work/gb2312.txt" --unicodes="$ranges" --layout-features='*' \
    --notdef-outline --name-IDs='*' --name-languages='*' --drop-tables-=EBDT,EBLC,EBSC --output-file="$2" 2>/dev/null
}
mkdir -p "$dir"
subset "$uming" "$work/print-song.ttf"
subset "$zenhei" "$work/print-hei.ttf"
install -m 0644 "$work/print-song.ttf" "$work/print-hei.ttf" "$dir/"

# The files keep their fonts' own names (so PDFs still name UMingCN and WenQuanYiZenHei); fontconfig gives them
# families of their own when it scans them, so the print CSS can ask for them first without shadowing the full
# fonts. The system's rules for the full fonts match their family names, so they are repeated for the new ones
# (from Debian's 25-arphic-uming-render, 90-arphic-uming-embolden and 25-wqy-zenhei).
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
  <match target="font">
    <test name="family"><string>SmeZones Print Song</string></test>
    <edit name="globaladvance"><bool>false</bool></edit>
    <edit name="spacing"><int>90</int></edit>
    <edit name="minspace"><bool>false</bool></edit>
  </match>
  <match target="font">
    <test name="family"><string>SmeZones Print Song</string></test>
    <test name="weight" compare="less_eq"><int>100</int></test>
    <test compare="more_eq" target="pattern" name="weight"><int>180</int></test>
    <edit mode="assign" name="embolden"><bool>true</bool></edit>
  </match>
  <match target="font">
    <test name="family"><string>SmeZones Print Hei</string></test>
    <edit name="globaladvance"><bool>false</bool></edit>
    <edit name="spacing"><int>0</int></edit>
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintnone</const></edit>
    <edit name="autohint" mode="assign"><bool>false</bool></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
    <edit name="embeddedbitmap"><bool>false</bool></edit>
  </match>
</fontconfig>
CONF
FONTCONFIG_FILE="$dir/fonts.conf" fc-cache "$dir"
echo "Print fonts in $dir: $(du -k "$dir/print-song.ttf" | cut -f1) KiB + $(du -k "$dir/print-hei.ttf" | cut -f1) KiB"
