#!/usr/bin/env bash
# Installs what the portal and its tests need on a fresh Debian machine, and nothing that is already there.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (https://dotnet.microsoft.com); install it first." >&2; exit 1; }
# Guarded: an unguarded install would upgrade the server under a running cluster.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql-15)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# grep -q would stop reading early and fail the pipeline (SIGPIPE under pipefail): read all of it.
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
# The PDFs' fonts (ADR 0075): TrueType, so Chromium embeds CID subsets rather than Type 3 outlines.
fc-list 2>/dev/null | grep -i "AR PL UMing CN" >/dev/null || missing+=(fonts-arphic-uming)
fc-list 2>/dev/null | grep -i "WenQuanYi Zen Hei" >/dev/null || missing+=(fonts-wqy-zenhei)
# pyftsubset cuts the print fonts down (scripts/print-fonts.sh, ADR 0082).
command -v pyftsubset >/dev/null 2>&1 || missing+=(fonttools)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# LibreOffice prints the 推荐汇总表 .xlsx in a test, as a reviewer opening it would.
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The cut-down print fonts PDFs are printed from (ADR 0082); rebuilt when the script's content changes (a fresh
# clone's files are all new, so their dates say nothing).
print_fonts=/usr/local/share/smezones/print-fonts
script_hash=$(sha256sum "$(dirname "$0")/print-fonts.sh" | cut -d' ' -f1)
if [ ! -f "$print_fonts/fonts.conf" ] || [ "$(cat "$print_fonts/built-by" 2>/dev/null)" != "$script_hash" ]; then
  as_root bash "$(dirname "$0")/print-fonts.sh" "$print_fonts"
  echo "$script_hash" | as_root tee "$print_fonts/built-by" >/dev/null
fi
