# The app's own interface text.
app-title = Kuayue · Digital life practice
app-subtitle = Learn to use your phone step by step, in a safe place to practise
app-scenario-broken = This scenario file has a problem and cannot be practised yet: { $file }
app-quit = Quit
app-acknowledge = I've read it
app-minutes = { $minutes } min
app-choose = What would you like to practise today?
app-back = Back
app-broken-where = Where: { $place } (line:column)
app-done-title = Wonderful, you did it!
app-done-steps = You completed { $steps } steps
app-done-minutes = It took about { $minutes } minutes
app-again = Practise again
app-choose-another = Choose another
app-repeat = Say it again
app-hint = Hint
app-skip = Skip
app-leave = Leave
app-skip-confirm = Skip this step?
app-leave-confirm = Leave the practice now?
app-yes = Yes
app-no = No, carry on
app-call-trainer = Need help? Raise your hand and the trainer will come.
app-keypad-delete = Delete
app-keypad-ok = OK
app-full = full
app-more = More below
app-step-of = Step { $done } of { $total }
app-who = Who is practising today? Tap your name:
app-guest = Guest
app-add-learner = + Add a learner
app-learner-name = The learner's name (what people call them is enough)
app-ok = OK
app-cancel = Cancel
app-settings = Settings
app-trainer = For trainers
app-practising-as = Practising: { $name }
app-completed = ✓ Done before
app-certificate = Get your certificate
app-certificate-saved = Certificate saved, ready to print: { $file }
app-certificate-failed = The certificate could not be saved: { $reason }
app-certificate-saving = Drawing the certificate …
certificate-heading = Certificate
certificate-achievement = completed every step of “{ $scenario }”
certificate-date = { $day }/{ $month }/{ $year }
settings-text-size = Text size
settings-sample = This is how big the text is.
settings-language = Language
settings-fullscreen = Full screen
settings-big-pointer = Large pointer
settings-on = On
settings-off = Off
trainer-title = For trainers
trainer-pin-enter = Please enter the trainer PIN:
trainer-pin-choose = First time here: choose a trainer PIN (4 to 6 digits):
trainer-pin-again = Please type the same PIN again:
trainer-pin-wrong = That PIN is not right. Please try again.
trainer-pin-wait = That PIN is not right, several times now. To keep the records safe, please wait { $minutes } minute(s) before trying again. A forgotten PIN can be cleared on this computer with: kuayue reset-pin
trainer-pin-invalid = The PIN needs 4 to 6 digits.
trainer-pin-mismatch = The two entries differ. Please choose the PIN again.
trainer-tab-learners = Learners
trainer-tab-scenarios = Scenarios
trainer-tab-export = Export
trainer-tab-centre = This centre
trainer-learner-line = { $completed } scenarios completed, { $attempts } attempts, last { $last }
trainer-scenario-value = { $rate } ({ $completed }/{ $attempts }), median { $median } min
trainer-step-value = wrong { $wrong } · hints { $hints } · skips { $skips }
trainer-anonymize = Hide names (use codes)
trainer-export-csv = Export CSV (opens in Excel)
trainer-export-xlsx = Export Excel workbook
trainer-export-xapi = Export xAPI
trainer-exported = Exported: { $file }
trainer-export-failed = The export failed; see the log.
trainer-exporting = Writing the file …
trainer-centre-name = This centre's name (printed on certificates):
trainer-save = Save
trainer-saved = Saved.
trainer-tab-sync = Send records
trainer-sync-explain = Records can be sent to the city's learning record store (the city office gives the address, key and secret). Only a code is sent, never a name; offline, records wait on this computer.
trainer-sync-not-kept = Nothing is recorded in this window (a preview), so nothing is sent.
trainer-sync-sending = Sending…
trainer-sync-endpoint = Address:
trainer-sync-key = Key:
trainer-sync-secret = Secret:
trainer-sync-centre = Centre ID (optional):
trainer-sync-not-set-up = No learning record store is set up yet. Ask the city office for its address, key and secret, and enter them above.
trainer-sync-save = Save and send
app-learner-group = Group (optional, e.g. Smartphone class 1)
settings-voice = Spoken help
settings-volume = Loudness
settings-volume-50 = Quiet
settings-volume-75 = Medium
settings-volume-100 = Loud
settings-rate = Speed of speech
settings-rate-slow = Slower
settings-rate-normal = Normal
settings-repeat = Say it again when idle
settings-repeat-never = Never
settings-repeat-after = After { $seconds } s
settings-voice-pack = Whose voice
settings-voice-pack-standard = Standard voice
reload-kept = The file just saved has a problem; the last good version is still in use
reload-fix = How to fix: { $fix }
reload-hint = Once it is fixed and saved, this goes away by itself.
trainer-tab-preview = Preview
trainer-preview-explain = Choose a scenario, then the step to start at. A preview is not a learner's practice and is not recorded.
trainer-preview-all = ← All scenarios
app-steps = Steps
language-name = English
app-label-value = { $label }: { $value }

## Before the window opens, and when the app stops on a fault (a native message box).
gpu-none-title = kuayue cannot show its picture
gpu-none-body = This computer has no graphics driver kuayue can draw with (Vulkan{ $os ->
        [windows] {" "}or DirectX 12
       *[other] {""}
    }), so the practice rooms cannot be shown.

    Please tell the centre's IT person: { $os ->
        [windows] install or update the display driver from the computer maker or Windows Update; Windows 10 and 11 normally have one.
       *[other] install the package mesa-vulkan-drivers (it can draw without a graphics card), or the graphics card maker's Vulkan driver.
    }

    Nothing was lost. Details are in { $log }.
fault-title = kuayue has to close
fault-body = Something went wrong and kuayue has to close. Practice saved so far is kept. Please open kuayue again.

    If it happens again, tell the centre's IT person and give them the file { $log }.
