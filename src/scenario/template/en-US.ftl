# {id}: the words of a new scenario (en-US). Use made-up names and numbers.
{prefix}-title = New scenario (give it a name)
{prefix}-summary = One sentence on what this scenario practises
# Things in the room
{prefix}-st-phone = Your phone
{prefix}-st-window = Service window
# Phone screens
{prefix}-scr-phone-home = Home screen
{prefix}-app-main = Services app
{prefix}-app-camera = Camera
{prefix}-scr-app-home = Services app
{prefix}-welcome = Hello, welcome
{prefix}-btn-start = Start
{prefix}-receipt = Result
{prefix}-receipt-what = Matter
{prefix}-receipt-what-value = Done
# Step 1: open the app
{prefix}-open-app-prompt = Find "Services app" on the home screen and tap it to open it.
{prefix}-open-app-hint1 = Look at the icons on the phone screen for the one that says "Services app".
{prefix}-open-app-hint2 = "Services app" is in the first row and glowing; tap it.
{prefix}-open-app-hint3 = Please tap the glowing "Services app" icon. If it still does not work, ask the trainer.
{prefix}-open-app-wrong-camera = That is the camera, no hurry. We want "Services app" next to it.
# Step 2: start
{prefix}-start-prompt = The app is open. Please tap "Start" below.
{prefix}-start-hint1 = Look down: there is a big button that says "Start".
{prefix}-start-hint2 = The glowing button is "Start"; tap it.
{prefix}-start-hint3 = Please tap the glowing "Start" button.
# Step 3: read the result
{prefix}-read-result-prompt = It is done. Read the result, then tap "I've read it".
{prefix}-read-result-hint1 = The screen shows the result; take your time.
{prefix}-read-result-hint2 = When you have read it, tap "I've read it" under the caption.
{prefix}-read-result-hint3 = Please tap the glowing "I've read it" button.
# Step 4: go to the window
{prefix}-window-prompt = Last, tap the service window in the room to show the result to the staff.
{prefix}-window-hint1 = Look at the front of the room: there is a service window.
{prefix}-window-hint2 = The glowing one is the service window; tap it.
{prefix}-window-hint3 = Please tap the glowing service window.
