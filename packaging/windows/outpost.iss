; Inno Setup script for the Windows installer of Outpost (Inno Setup 6).
; Not run by CI (no Windows here): build it on Windows with packaging\windows\build.ps1.
;   iscc /DVersion=0.1.0 packaging\windows\outpost.iss
; Input: dist\outpost\ (the PyInstaller bundle from build.spec). Output:
; dist\outpost-<version>-windows-setup.exe.

#ifndef Version
  #define Version "0.0.0"
#endif

[Setup]
; Never change AppId: Windows recognises updates of the same program by it.
AppId={{6C0E5A52-3B8F-4E59-9F0B-0D6A1C2E7B31}
AppName=Outpost
AppVersion={#Version}
AppPublisher=Outpost project
DefaultDirName={autopf}\Outpost
DefaultGroupName=Outpost
; A post's machine may have no administrator at hand: allow a per-user installation.
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=outpost-{#Version}-windows-setup
SetupIconFile=..\icons\outpost.ico
UninstallDisplayIcon={app}\outpost-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\dist\outpost\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The agency's provisioning file, when the IT contact put it beside this setup program:
; copied next to outpost-gui.exe, where the client finds it on first start.
Source: "{src}\provisioning.json"; DestDir: "{app}"; Flags: external skipifsourcedoesntexist ignoreversion

[Icons]
Name: "{group}\Outpost"; Filename: "{app}\outpost-gui.exe"
Name: "{group}\Outpost self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\outpost.exe"" self-test"
Name: "{autodesktop}\Outpost"; Filename: "{app}\outpost-gui.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\outpost-gui.exe"; Description: "{cm:LaunchProgram,Outpost}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries: uninstalling removes the program files only. Each person's
; encrypted data (%LOCALAPPDATA%\Outpost) stays until someone deletes it on purpose.
