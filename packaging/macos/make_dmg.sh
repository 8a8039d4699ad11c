#!/bin/sh
# Builds Outpost.app and a compressed disk image on macOS 12+ with Python 3.11 and Xcode's
# command line tools. Not run by CI (no macOS there).
#   sh packaging/macos/make_dmg.sh
# Optional: CODESIGN_IDENTITY="Developer ID Application: ..." signs the app, and
# NOTARY_PROFILE=<notarytool keychain profile> notarises and staples the image.
set -eu
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
python3.11 -m venv .venv
.venv/bin/python -m pip install --quiet -e '.[dev]'
export PYTHONHASHSEED=0
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
.venv/bin/python -m PyInstaller --noconfirm --distpath dist --workpath build build.spec
QT_QPA_PLATFORM=offscreen dist/Outpost.app/Contents/MacOS/outpost self-test
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --deep --force --options runtime --timestamp --sign "$CODESIGN_IDENTITY" dist/Outpost.app
fi
stage=$(mktemp -d)
cp -R dist/Outpost.app "$stage/"
ln -s /Applications "$stage/Applications"  # drag-and-drop install
image="dist/outpost-$version-macos.dmg"
rm -f "$image"
hdiutil create -volname "Outpost $version" -srcfolder "$stage" -ov -format UDZO "$image"
rm -rf "$stage"
if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$image" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$image"
fi
echo "$image"
# The agency's provisioning file goes to /Library/Application Support/Outpost/provisioning.json
# (or is chosen on first start); see docs/install.md. Removing Outpost.app leaves each
# person's data (~/Library/Application Support/Outpost) in place.
