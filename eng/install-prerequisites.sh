#!/usr/bin/env bash
# Installs the Debian packages BlueRobin runs on when any is missing: Tesseract and Poppler
# (Ocr.Worker) and the PostgreSQL server binaries (container-free mode). As a user without
# the rights to install, it stops and prints the exact command to run.
set -euo pipefail

missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
if [ "$(id -u)" -ne 0 ]; then
  echo "BlueRobin needs these Debian packages: ${packages}" >&2
  echo "Install them with: sudo apt-get update && sudo apt-get install -y ${packages}" >&2
  exit 1
fi

echo "Installing Debian packages: ${packages}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # the package list is meant to split into words
apt-get install -y -qq --no-install-recommends ${packages} >/dev/null
