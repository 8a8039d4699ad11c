# Builds the Windows installer: run from the repository root in PowerShell on Windows 10/11
# with Python 3.11 and Inno Setup 6 installed. Not run by CI (no Windows there).
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"').Matches[0].Groups[1].Value
py -3.11 -m venv .venv
.venv\Scripts\python -m pip install --quiet -e ".[dev]"
$env:PYTHONHASHSEED = "0"
if (-not $env:SOURCE_DATE_EPOCH) { $env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct) }
.venv\Scripts\python -m PyInstaller --noconfirm --distpath dist --workpath build build.spec
.\dist\outpost\outpost.exe self-test
if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed" }
& "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" "/DVersion=$version" packaging\windows\outpost.iss
# Sign both the programs and the setup with the project's code-signing certificate, e.g.
#   signtool sign /fd SHA256 /tr <timestamp URL> /td SHA256 dist\outpost-$version-windows-setup.exe
# then add the setup to the release folder before SHA256SUMS is written (docs/install.md).
