; Inno Setup 6 script: the per-user Windows installer of Scanstation (no administrator needed).
; Saved as UTF-8 with a byte-order mark, which is how Inno Setup reads the Vietnamese names.
; Build on Windows from the repository root, after the bundle (installers\README.md):
;   iscc /DAppVersion=0.1.0 installers\windows\scanstation.iss
; It packs, relative to this file (the build step fills the last two; nothing is fetched at
; install time, everything ships inside the installer):
;   ..\..\dist\scanstation\  the PyInstaller bundle (installers\windows\scanstation.spec)
;   tesseract\               Tesseract for Windows (64-bit): tesseract.exe and its DLLs, and
;                            tessdata\ with vie, Vietnamese (the script model), eng and osd
;                            .traineddata
;   fonts\                   the Liberation fonts (.ttf) of the signature box and sheets

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=0.1.0 installers\windows\scanstation.iss
#endif
#define Bundle SourcePath + "..\..\dist\scanstation"
#define Tesseract SourcePath + "tesseract"
#define Fonts SourcePath + "fonts"
#if !FileExists(Bundle + "\scanstation.exe") || !FileExists(Bundle + "\scanstation-gui.exe")
  #error No bundle in dist\scanstation: build it first with installers\windows\scanstation.spec
#endif
#if !FileExists(Tesseract + "\tesseract.exe")
  #error installers\windows\tesseract\tesseract.exe is missing (see installers\README.md)
#endif
#if !FileExists(Tesseract + "\tessdata\vie.traineddata") || !FileExists(Tesseract + "\tessdata\Vietnamese.traineddata") || !FileExists(Tesseract + "\tessdata\eng.traineddata") || !FileExists(Tesseract + "\tessdata\osd.traineddata")
  #error installers\windows\tesseract\tessdata needs vie, Vietnamese, eng and osd .traineddata
#endif
#if !FileExists(Fonts + "\LiberationSerif-Regular.ttf") || !FileExists(Fonts + "\LiberationSans-Regular.ttf")
  #error installers\windows\fonts needs the Liberation Serif and Sans .ttf files
#endif

[Setup]
AppId={{1C24A29C-2570-48EF-9EDB-C152935F322E}
AppName=Scanstation
AppVersion={#AppVersion}
AppVerName=Scanstation {#AppVersion} — Trạm số hóa tài liệu
AppPublisher=Ủy ban MTTQ Việt Nam
; Per user: the program goes to %LOCALAPPDATA%\Programs\Scanstation, no UAC prompt.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Scanstation
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesEnvironment=yes
OutputDir={#SourcePath}..\..\dist
OutputBaseFilename=scanstation-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\scanstation-gui.exe
UninstallDisplayName=Scanstation — Trạm số hóa tài liệu
; Shown after the files are copied: scanners (TWAIN) and where the user data lives.
InfoAfterFile=after-install.txt

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Tesseract}\*"; DestDir: "{app}\tesseract"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Fonts}\*.ttf"; DestDir: "{app}\fonts"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\Trạm số hóa tài liệu"; Filename: "{app}\scanstation-gui.exe"; Comment: "Quét, lưu kho, ký số hồ sơ"
Name: "{autoprograms}\Kiểm tra trạm số hóa"; Filename: "{cmd}"; Parameters: "/k ""{app}\scanstation.exe"" doctor"; WorkingDir: "{userdocs}"; Comment: "scanstation doctor"

[Registry]
; `scanstation` and `tesseract` on the user's PATH (the station runs tesseract.exe by name).
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NotOnPath(ExpandConstant('{app}'))
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}\tesseract"; Check: NotOnPath(ExpandConstant('{app}\tesseract'))

[Run]
Filename: "{app}\scanstation-gui.exe"; Description: "Mở Trạm số hóa tài liệu"; Flags: nowait postinstall skipifsilent

; The user's data (%LOCALAPPDATA%\scanstation\scanstation: catalog, batches, settings, logs) is
; never installed nor deleted here: there is no [UninstallDelete] section on purpose.

[Code]
function NotOnPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Current) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;

procedure RemoveFromPath(Dir: string);
var
  Current: string;
begin
  if RegQueryStringValue(HKCU, 'Environment', 'Path', Current) then
  begin
    StringChangeEx(Current, ';' + Dir, '', True);
    RegWriteExpandStringValue(HKCU, 'Environment', 'Path', Current);
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    RemoveFromPath(ExpandConstant('{app}\tesseract'));
    RemoveFromPath(ExpandConstant('{app}'));
  end;
end;
