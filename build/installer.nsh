; Windows: electron-builder's NSIS installer registers no URL schemes, so these macros declare
; Composer as a mail client Windows can offer for mailto: (Settings > Apps > Default apps).
; Windows 10 and later let only the person choose the default; this makes Composer a choice.
; The link arrives as the argument ("%1"), where mailtoFromArgv and second-instance find it.

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\Composer.mailto" "" "Composer mail link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Composer.mailto" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\Composer.mailto\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Composer.mailto\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHELL_CONTEXT "Software\Composer\Capabilities" "ApplicationName" "${PRODUCT_NAME}"
  WriteRegStr SHELL_CONTEXT "Software\Composer\Capabilities" "ApplicationDescription" "A desktop email composer that sends through vendor APIs."
  WriteRegStr SHELL_CONTEXT "Software\Composer\Capabilities\URLAssociations" "mailto" "Composer.mailto"
  WriteRegStr SHELL_CONTEXT "Software\RegisteredApplications" "Composer" "Software\Composer\Capabilities"
!macroend

!macro customUnInstall
  DeleteRegValue SHELL_CONTEXT "Software\RegisteredApplications" "Composer"
  DeleteRegKey SHELL_CONTEXT "Software\Composer\Capabilities"
  DeleteRegKey /ifempty SHELL_CONTEXT "Software\Composer"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Composer.mailto"
!macroend
