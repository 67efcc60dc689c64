; The Windows installer for centres: one file, per-machine (Program Files), Start-menu
; and desktop shortcuts named 跨越, an uninstaller, Chinese and English pages.
; Built by tools/package.sh --windows with Debian's NSIS (makensis), from Linux:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with kuayue.exe and content> -DOUT=<setup.exe> kuayue.nsi
; Uninstalling keeps the records (AppData) and the centre's own scenarios (Documents\kuayue).

Unicode True
SetCompressor /SOLID lzma
ManifestDPIAware true

!include "MUI2.nsh"
!include "x64.nsh"
!include "WinVer.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !error "give -DVERSION=<version>"
!endif
!ifndef STAGE
  !error "give -DSTAGE=<folder to install>"
!endif
!ifndef OUT
  !define OUT "kuayue-${VERSION}-windows-x64-setup.exe"
!endif

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\kuayue"

Name "跨越 kuayue"
OutFile "${OUT}"
InstallDir "$PROGRAMFILES64\kuayue"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
BrandingText "跨越 kuayue ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "跨越 kuayue"
VIAddVersionKey /LANG=0 "FileDescription" "跨越 kuayue setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${STAGE}\kuayue.ico"
!define MUI_UNICON "${STAGE}\kuayue.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_FINISHPAGE_RUN "$INSTDIR\kuayue.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${STAGE}\LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; the language dialog offers both.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString RunNow ${LANG_SIMPCHINESE} "现在打开跨越"
LangString RunNow ${LANG_ENGLISH} "Open kuayue now"
LangString NeedsWin10 ${LANG_SIMPCHINESE} "跨越需要 64 位的 Windows 10 或 Windows 11。"
LangString NeedsWin10 ${LANG_ENGLISH} "kuayue needs 64-bit Windows 10 or Windows 11."
LangString OwnFolder ${LANG_SIMPCHINESE} "本中心自己的场景放在“文档\kuayue\scenarios”。练习记录和自己的场景在卸载时都会保留。"
LangString OwnFolder ${LANG_ENGLISH} "The centre's own scenarios go in Documents\kuayue\scenarios. Practice records and your own scenarios are kept when kuayue is uninstalled."

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastBuild} 10240
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsWin10)"
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "kuayue" Main
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; A reinstall replaces the shipped content as a whole (a scenario removed upstream goes).
  RMDir /r "$INSTDIR\scenarios"
  RMDir /r "$INSTDIR\locales"
  RMDir /r "$INSTDIR\assets"
  File /r "${STAGE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\跨越.lnk" "$INSTDIR\kuayue.exe" "" "$INSTDIR\kuayue.ico"
  CreateShortcut "$DESKTOP\跨越.lnk" "$INSTDIR\kuayue.exe" "" "$INSTDIR\kuayue.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "跨越 kuayue"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "kuayue"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\kuayue.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
  DetailPrint "$(OwnFolder)"
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\跨越.lnk"
  Delete "$DESKTOP\跨越.lnk"
  ; Only what the installer put there: records and own scenarios live elsewhere.
  RMDir /r "$INSTDIR\scenarios"
  RMDir /r "$INSTDIR\locales"
  RMDir /r "$INSTDIR\assets"
  Delete "$INSTDIR\kuayue.exe"
  Delete "$INSTDIR\kuayue-cli.exe"
  Delete "$INSTDIR\kuayue.ico"
  Delete "$INSTDIR\*.txt"
  Delete "$INSTDIR\*.md"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
