; Inno Setup script for 代表履职工作台 (Inno Setup 6.3 or newer, Unicode).
; Build the bundle first (pyinstaller build.spec), then compile this file:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\deputydesk.iss
; The installer lands in dist\installer\. Data is never installed or removed by it: it lives
; in %LOCALAPPDATA%\DeputyDesk and survives updates and uninstalling.

#define AppName "代表履职工作台"
#define Bundle AddBackslash(SourcePath) + "..\dist\DeputyDesk"
#define AppExe "DeputyDesk.exe"
#define AppVersion GetVersionNumbersString(Bundle + "\" + AppExe)
#if AppVersion == ""
  #error "找不到 dist\DeputyDesk\DeputyDesk.exe：请先运行 pyinstaller build.spec"
#endif

[Setup]
; Never change AppId: updates find the installed copy by it.
AppId={{6F3C2B1E-7A41-4C8E-9B0D-2D5E8A1C4F37}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; ASCII folder name: some old backup and antivirus tools still stumble on Chinese paths.
DefaultDirName={autopf}\DeputyDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Without administrator rights it installs for the current user only
; (%LOCALAPPDATA%\Programs\DeputyDesk); an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#AddBackslash(SourcePath)}..\dist\installer
OutputBaseFilename=DeputyDesk-{#AppVersion}-setup
SetupIconFile={#AddBackslash(SourcePath)}..\resources\icons\deputydesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Closes a running copy before files are replaced (Windows Restart Manager).
CloseApplications=yes

[Languages]
; Chinese wizard texts when ChineseSimplified.isl is in Inno Setup's Languages folder
; (see docs/windows-build.md); otherwise the installer speaks English.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\Unofficial\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that the new bundle no longer has (stale Qt plugins would load).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autoprograms}\{#AppName} 演示"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{userdocs}"
; Support asks users to run this: the window stays open so the result can be read or copied.
Name: "{autoprograms}\{#AppName} 自检"; Filename: "{cmd}"; Parameters: "/k """"{app}\deputydesk-cli.exe"" --self-test"""; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "立即打开{#AppName}"; Flags: nowait postinstall skipifsilent
