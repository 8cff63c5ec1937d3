; Inno Setup 6 script: the Windows installer of 访妇情 (Fuqing), per user, no administrator.
; Saved as UTF-8 with a byte-order mark: Inno Setup reads the Chinese right only then.
;
; Build the app folder first, then the installer (both on Windows, docs/windows-build.md):
;   .venv\Scripts\python build_scripts\build_app.py --installer
; which runs  iscc /DAppVersion=<version in pyproject.toml> build_scripts\fuqing.iss
; Needs Inno Setup 6.3 or later (x64compatible) and its unofficial Simplified Chinese
; translation, which the Inno Setup installer does not include: put ChineseSimplified.isl
; (https://jrsoftware.org/files/istrans/, or Files/Languages/Unofficial/ in Inno Setup's
; source) in <Inno Setup>\Languages\Unofficial\ first; build_app.py checks it is there.
; The cadre's data (%LOCALAPPDATA%\fuqing) is never touched: not by installing, upgrading
; or uninstalling.

#ifndef AppVersion
  #error AppVersion is not defined: build with build_scripts\build_app.py --installer (it reads pyproject.toml), or iscc /DAppVersion=X.Y.Z
#endif

#define AppName "访妇情"
#define AppExe "fuqing.exe"

[Setup]
; Fixed for every version: upgrades replace the installed copy instead of adding one.
AppId={{2E31E45E-DE38-47DD-B392-CDC580B590CC}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=访妇情 / Fuqing
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Fuqing
; Per user: %LOCALAPPDATA%\Programs\Fuqing, no UAC prompt.
PrivilegesRequired=lowest
DefaultDirName={userpf}\Fuqing
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=fuqing-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
Uninstallable=yes
UninstallDisplayName={#AppName} {#AppVersion}
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile=..\LICENSE

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; dist\fuqing: fuqing.exe, fuqing-cli.exe, _internal\, LICENSE, THIRD_PARTY_NOTICES.md, licenses\
Source: "..\dist\fuqing\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
