# Messages of the scenario checker (kuayue check). Every rule has a stable code KYxxxx.

diag-error = error
diag-warning = warning
diag-found = found
diag-expected = expected
diag-help = how to fix
check-summary = checked { $files } scenario files: { $errors } errors, { $warnings } warnings
check-clean = All good: ready to use.
check-has-errors = A scenario with errors does not appear in the practice list. Fix it as shown above and check again.
check-no-files = No scenario files (.ron) found at { $path }.

ky0001 = { $kind ->
    [comma] a comma is missing here
    [close-paren] a bracket is not closed: ) is missing
    [close-bracket] a list is not closed: ] is missing
    [close-brace] a map is not closed: {"}"} is missing
    [colon] a colon is missing after the field name
    [close-quote] a text is missing its closing quote
    [eof] the file ends too early: something is missing at the end
    [trailing] there is extra text after the end of the scenario
    [comment] a comment is not closed: */ is missing
    [empty] the file is empty
    [unclosed] line { $line } `{ $opener }` is never closed
    [unclosed-line] line { $line } `{ $opener }` is never closed
    [unclosed-here] line { $line } `{ $opener }` is never closed before this `{ $bracket }`
    [unclosed-end] line { $line } `{ $opener }` is never closed: the file ends first
    [extra-closer] this `{ $bracket }` closes nothing: the `{ $opener }` of line { $line } was already closed by the `{ $closer }` at { $at-line }:{ $at-col }
    [stray-closer] this `{ $bracket }` closes nothing: no bracket before it is open
    [wrong-closer] this `{ $bracket }` does not fit the `{ $opener }` of line { $line }
    [unopened] this `{ $bracket }` has no `{ $fix }` of its own: the bracket open here is the `{ $opener }` of line { $line }
    [missing-opener] a bracket is missing at the end of line { $line }: the lines after it are indented as if it opened one
   *[other] this is not written correctly
}
ky0001-help = { $kind ->
    [comma] add a comma , at the end of the previous item
    [close-paren] check that every ( above has its )
    [close-bracket] add ] after the last item of the list
    [close-brace] add {"}"} after the last item
    [colon] put a colon : between the field name and its value
    [close-quote] add a double quote " at the end of the text
    [eof] check that all brackets are closed at the end of the file
    [trailing] delete what comes after the last )
    [comment] add */ at the end of the comment
    [empty] start from the complete small example in docs/scenario-format.md
    [unclosed] add `{ $fix }` before line { $before }, on a line of its own indented like line { $line }
    [unclosed-line] add `{ $fix }` at the end of line { $line } (before its comma, if it has one)
    [unclosed-here] add `{ $fix }` just before this `{ $bracket }`
    [unclosed-end] add `{ $fix }` at the end of the file
    [extra-closer] one `{ $fix }` too many? delete it
    [stray-closer] delete this `{ $fix }`
    [wrong-closer] write `{ $fix }` instead, or check the brackets between line { $line } and here
    [unopened] add the missing `{ $fix }` where it belongs, or delete this `{ $bracket }`
    [missing-opener] add `{ $fix }` at the end of line { $line }
   *[other] compare the brackets, quotes and commas near this line with docs/scenario-format.md (details: { $detail })
}
ky0002 = unknown field `{ $found }`
ky0002-help = delete this line, or use one of { $expected }
ky0002-help-suggest = a typo? write `{ $suggestion }`
ky0003 = the required field `{ $field }` is missing
ky0003-help = add `{ $field }: …` here (docs/scenario-format.md says what it means)
ky0004 = this value has the wrong type
ky0004-help = write the value like the "expected" line: text in double quotes, numbers without
ky0005 = unknown choice `{ $found }`
ky0005-help = use one of { $expected }
ky0005-help-suggest = a typo? write `{ $suggestion }`
ky0006 = cannot read this file: { $reason }
ky0006-help = check that the file exists and can be read
ky0007 = the field `{ $field }` is written twice
ky0007-help = delete one of them
ky0009 = this file is not text kuayue can read (it is not saved as UTF-8 or Unicode)
ky0009-help = open it in Notepad, choose "Save as", set the encoding to UTF-8 and save
ky0008 = { $kind ->
    [lone-brace] a `{"{"}` in the text of `{ $message }` starts a placeholder that is never finished
    [lone-close-brace] a `{"}"}` on its own cannot be in the text of `{ $message }`
    [unindented] this line goes on with the text of `{ $message }`, but it does not start with spaces
    [bad-name] `{ $found }` cannot be a message name
    [missing-equals] the `=` after the message name `{ $found }` is missing
    [missing-text] the message `{ $message }` has no text
    [bad-escape] `{ $found }` in the text of `{ $message }` must be followed by hex digits (0–9, A–F)
   *[other] a message file (.ftl) is not written correctly here
}
ky0008-help = { $kind ->
    [lone-brace] a `{"{"}` starts a placeholder; to show the character write { $escape }, or remove it
    [lone-close-brace] to show the character write { $escape }, or remove it
    [unindented] a message continues on the next line only if that line starts with spaces: indent this line, or join it to the line above
    [bad-name] a message name starts with an English letter and uses only English letters, digits, - and _ (e.g. hosp-step-1)
    [missing-equals] write it as `{ $found } = text`
    [missing-text] write its text after the `=`, on the same line
    [bad-escape] write the character itself instead, or give its code in full, e.g. {"\\"}u00A0
   *[other] write each message as "name = text" on one line; a longer text goes on lines that start with spaces
}
ky0101 = the id `{ $found }` is used twice
ky0101-help = pick a new id. Steps, screens and stations each need ids of their own; on one screen, widgets, icons and dialog buttons too (another screen may reuse a name)
ky0102 = there is no screen `{ $found }`
ky0102-help = declare the screen under screens, or use the id of an existing one
ky0102-help-suggest = a typo? write `{ $suggestion }`
ky0103 = the screen `{ $screen }` has no widget `{ $found }`
ky0103-help = add the widget to the screen `{ $screen }`, or use an id that is on it
ky0103-help-suggest = a typo? write `{ $suggestion }`
ky0104 = there is no station `{ $found }`
ky0104-help = declare it under stations, or use the id of an existing station
ky0104-help-suggest = a typo? write `{ $suggestion }`
ky0105 = there is no step `{ $found }`
ky0105-help = use the id of an existing step
ky0105-help-suggest = a typo? write `{ $suggestion }`
ky0106 = the message `{ $found }` is missing in { $locale }
ky0106-help = { $kind ->
    [add] add this line to { $file }: { $found } = … ({ $other } has “{ $text }”: translate it)
   *[other] add a line to a .ftl file in locales/{ $locale }/: { $found } = …
}
ky0106-help-suggest = a typo in the message name? { $locale } has `{ $suggestion }`
ky0107 = the step `{ $found }` can never be reached
ky0107-help = point to it from an earlier step with next or branches, or delete it
ky0108 = { $kind ->
    [circle] a learner who does every step right goes round for ever: after `{ $found }` comes `{ $to }` again
   *[other] from the step `{ $found }` the walkthrough can never reach its end
}
ky0108-help = { $kind ->
    [circle] point this next to a later step, or add end: true to a step of the circle; a branch is only taken when the learner chooses it
   *[other] make this step (or one after it) lead to the last step, or add end: true
}
ky0109 = only { $found } hints; at least { $expected } are needed
ky0109-help = give three hints: first a gentle restatement, then more precise, then step by step
ky0110 = { $kind ->
    [not-tappable] `{ $found }` cannot be tapped
    [station] `{ $found }` is a station in the room, not a widget on the phone
    [not-field] `{ $found }` cannot be typed into
    [not-picker] `{ $found }` is not a date, time-slot or photo picker
    [phone-station] `{ $found }` is the learner's phone in their hand; it is not drawn in the room and cannot be tapped
    [hold] `{ $found }` is a hold-to-talk button: it is pressed and held, not tapped
    [not-hold] `{ $found }` is not a hold-to-talk button
    [only-wrong] ReleasedEarly (letting go too early) is a mistake; it belongs under wrong only
    [only-step] { $found } is what a step asks (to wait); it cannot be a wrong or branches entry
   *[other] this action does not fit `{ $found }`
}
ky0110-help = { $kind ->
    [not-tappable] use a button, list item, icon or other tappable widget
    [station] use TapStation("{ $found }")
    [not-field] use the id of an input, SMS code or password pad
    [not-picker] use the id of a DatePicker, TimeSlots or PhotoPicker
    [phone-station] to have the learner use the phone, show a phone screen in this step (camera: Phone, screen: "…") and tap a widget on it; for a plain explanation use Acknowledge
    [hold] use Hold(widget: "{ $found }", seconds: 2)
    [not-hold] use the id of a HoldToTalk
    [only-step] make the wait a step of its own: action: Wait(5)
    [only-wrong] what the step asks is Hold(widget: "…", seconds: 2); what to say when the learner lets go early goes in wrong: [ (when: ReleasedEarly("…"), say: "…") ]
   *[other] see the table of actions in docs/scenario-format.md
}
ky0111 = this step acts on the phone but has no screen
ky0111-help = add screen: "screen id"
ky0112 = the scenario has no steps
ky0112-help = write at least one step in steps: [ … ]
ky0113 = text too small: { $found } px; older people need at least { $expected } px
ky0113-help = set text_size to { $expected } or more, or remove it to use the default
ky0114 = target too small: { $field } is { $found } px; at least { $expected } px is needed
ky0114-help = set { $field } to { $expected } or more, or remove it to use the default
ky0115 = text and background contrast too low: { $found }; at least { $expected }
ky0115-help = { $kind ->
    [screen] on a middle grey neither dark nor white text can be read well: make the screen's background darker (white text) or lighter (dark text)
   *[other] use a darker text or lighter background colour (e.g. dark grey #1A1A1A on white)
}
ky0116 = the colour `{ $found }` is not written correctly
ky0116-help = write colours as "#RRGGBB", e.g. "#1A1A1A"
ky0117 = the id `{ $found }` is not written correctly
ky0117-help = ids use lowercase letters, digits and underscores and start with a letter, e.g. open_app
ky0118 = { $kind ->
    [bait-is-answer] the scam trap's bait `{ $found }` is the very button this step asks for
   *[bait-missing] the scam trap's bait `{ $found }` is not on this step's screen
}
ky0118-help = { $kind ->
    [bait-is-answer] the step's action is the refusal (e.g. the close button); bait is the button that falls for it
   *[bait-missing] bait must be the id of a tappable button on this step's screen
}
ky0119 = the value `{ $found }` does not fit
ky0119-help = use: { $expected }
ky0120 = this feedback can never be shown
ky0120-help = it is the same as the right action (or a branch); use a mistake a learner might make, or delete it
ky0121 = the scenario id `{ $found }` differs from the file name
ky0121-help = set id to "{ $expected }", or rename the file to { $found }.ron
ky0122 = `{ $field }` is { $found }, which does not fit
ky0122-help = use a value like: { $expected }
ky0123 = `{ $widget }` has no option `{ $found }`
ky0123-help = use one of the picker's options
ky0123-help-suggest = a typo? write `{ $suggestion }`
ky0124 = the same action is written twice, so the way on is unclear
ky0124-help = each branch's when must differ from the right action and from the other branches
ky0125 = the project has no words in { $locale }, which the app offers: learners would see message ids
ky0125-help = make the folder { $dir } with this scenario's messages (copy another language's .ftl files and translate them)
ky0201 = { $count } voice clips are missing in { $locale }, e.g. `{ $found }`
ky0201-help = captions still show; make them with `kuayue voice`, or put recordings in { $dir }
ky0205 = { $count } voice clips in { $locale } no longer match their words, e.g. `{ $found }`
ky0205-help = the words changed after the clip was made; run `kuayue voice` to make them again (a recording by a person: record it again into { $dir })
ky0206 = the voice list { $found } cannot be read: { $reason }
ky0206-help = run `kuayue voice` to write a new one; the clips themselves are kept
ky0202 = the screen `{ $found }` is not used by any step
ky0202-help = show it in a step with screen: "{ $found }", or delete it
ky0203 = no message files found in any language: { $found }
ky0203-help = put .ftl files in locales/zh-CN/ and locales/en-US/
ky0204 = the font has no { $found } (in { $locale } `{ $id }`)
ky0204-help = it would show as an empty box; use a common character, or run tools/subset-font.py to add it to the font
# kuayue voice
voice-skipped-file = `{ $file }` does not load, so its lines were left out; run kuayue check on it
voice-manifest-broken = { $file } could not be read ({ $reason }); starting a new one
voice-rerecord = { $locale }: { $count } recordings no longer match their text; record them again: { $ids }
voice-would = { $locale }: would make { $make } clips, note { $adopt } recordings; { $current } up to date
voice-failed = could not make `{ $id }`: { $reason }
voice-done = { $locale }: made { $made } clips, noted { $adopt } recordings, removed { $removed } no longer used; { $current } were up to date
voice-time = took { $seconds } s
# kuayue play --step
play-no-such-step = this scenario has no step `{ $found }`. Its steps are: { $steps }
play-unreachable-step = the step `{ $found }` cannot be reached from the first step (kuayue check says why)
# kuayue new
new-bad-id = `{ $found }` cannot name a scenario: use lowercase letters, digits and underscores, starting with a letter, e.g. pay_electricity
new-exists = { $file } already exists; nothing was changed. Choose another name, or open it and carry on
new-cannot-write = cannot write { $file }: { $reason }
new-done =
    The new scenario { $id } is ready:
      { $ron }   steps and phone screens
      { $zh }   Chinese words
      { $en }   English words
    Next:
      1. Change the title and what each step says (start with { $zh }), then the steps and screens for the task you teach
      2. Check it: kuayue check { $ron }
      3. Make its voice clips: kuayue voice
      4. Try it yourself: kuayue play { $id }; watch it play itself: kuayue play { $id } --autoplay
    The guide: docs/authoring.md
project-not-found = No kuayue project folder found (a folder with scenarios/ and locales/). Looked in: { $looked }. Start kuayue inside the project folder, or name it with --project DIR or KUAYUE_PROJECT.
project-not-folder = { $dir } is not a folder. Name a project folder (one with scenarios/ and locales/) with --project DIR or KUAYUE_PROJECT.
project-titles-by-id = (No project folder found, so scenarios are named by their id.)
lang-unknown = unknown language `{ $found }`: use zh-CN, en-US, or a folder locales/<tag>/ (with app.ftl) in the project
ky0207 = this file is saved as "Unicode" (UTF-16); kuayue reads it, but other tools may not
ky0207-help = in Notepad choose "Save as" and set the encoding to UTF-8
ky0208 = unknown icon name `{ $found }`
ky0208-help = the icon would show its text only; use one of: { $expected }
ky0208-help-suggest = a typo? use `{ $suggestion }`
ky0209 = unknown picture name `{ $found }`
ky0209-help = the picture would be a plain grey square; use one of: { $expected }
ky0209-help-suggest = a typo? use `{ $suggestion }`
ky0210 = a `{ $found }` has no display for `shows`: the words would appear nowhere
ky0210-help = only a `QueueScreen` shows them; delete `shows`, or put the words in the step's prompt
