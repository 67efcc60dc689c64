# Paying at a pharmacy with the medical insurance code (pharmacy_medical_code). The pharmacy, people and amounts are made up.
pmc-title = Medicine with the insurance code
pmc-summary = Use the insurance code for the first time: activate it, check your face, set a password, pay at a pharmacy, and delete a fake "cash out your insurance" text
# Things in the room
pmc-st-phone = Your phone
pmc-st-counter = Cashier
pmc-st-scanner = Code scanner
pmc-st-pickup = Medicine pick-up
pmc-st-seats = Seats
# Phone screens
pmc-scr-phone-home = Home screen
pmc-app-zlb = Zheliban
pmc-app-camera = Camera
pmc-app-phone = Phone
pmc-app-messages = Messages
pmc-scr-zlb-home = Zheliban
pmc-zlb-greeting = Hello, what would you like to do today?
pmc-svc-medcode = Insurance code
pmc-svc-social = Social security
pmc-svc-booking = Book a doctor
pmc-scr-medcode = Medical insurance e-code
pmc-activate-why = The first time, the e-code is activated: a face check makes sure it is you, then you set an insurance payment password.
pmc-activate-free = Activating is free. Never pay anyone to "activate it for you".
pmc-btn-activate = Agree and activate
pmc-btn-later = Later
pmc-perm-camera = Allow "Zheliban" to use the camera?
pmc-face-why = Keep your face in the frame, in good light.
pmc-face-scan = Face the phone and blink (tap here to start the face check)
pmc-scr-set-password = Set a password
pmc-password-tip = Do not use your birthday, or a run like 123456.
pmc-new-password = Set a 6-digit insurance payment password
pmc-new-password-again = Type it once more to confirm
pmc-code-text = Show this to the cashier
pmc-code-title = My medical insurance e-code
pmc-code-name = Name
pmc-code-name-value = Li * Fang
pmc-code-place = Insured in
pmc-code-place-value = Anhe City
pmc-scr-bill = Insurance payment
pmc-bill-title = What this medicine costs
pmc-bill-medicine = Medicine
pmc-bill-medicine-value = Cold medicine, 2 boxes
pmc-bill-prescription = Prescription
pmc-bill-prescription-value = Not needed (non-prescription)
pmc-bill-total = Total
pmc-bill-total-value = 36.80 yuan (example)
pmc-bill-account = From your own insurance account
pmc-bill-account-value = 36.80 yuan
pmc-bill-cash = Paid in cash
pmc-bill-cash-value = 0.00 yuan
pmc-btn-question = A question? Ask the cashier
pmc-btn-confirm-pay = Confirm payment
pmc-scr-pay = Payment password
pmc-pay-amount = From your own insurance account: 36.80 yuan
pmc-pay-password = Insurance payment password (6 digits)
pmc-scr-receipt = Paid
pmc-paid-toast = Payment done
pmc-receipt-title = Insurance payment slip
pmc-receipt-balance = Left in your own account
pmc-receipt-balance-value = 1263.20 yuan (example)
pmc-scr-sms = Messages
pmc-scam-sender = 171 0000 8836
pmc-scam-text = [Insurance Bureau] Your own insurance account has 2318 yuan you can cash out to your bank card. Today only, then it is gone. Tap to apply:
pmc-scam-link = http://yb-tx.cc/q2
pmc-scam-close = Delete this message
# Step 1: go to the cashier
pmc-go-to-counter-prompt = Mrs Li has a cold and has taken two boxes of cold medicine at Anhe Pharmacy. Please tap the cashier in front of you to pay.
pmc-go-to-counter-hint1 = You pay at the cashier. Look at the front of the room for the sign "Cashier".
pmc-go-to-counter-hint2 = The cashier is ahead, a little to the left, and glowing; tap it.
pmc-go-to-counter-hint3 = Please tap the glowing cashier. If it still does not work, ask the trainer.
pmc-go-to-counter-wrong-pickup = That is where you collect medicine, after paying. First the cashier.
# Step 2: open Zheliban
pmc-open-app-prompt = The cashier asks if you have a prescription. Cold medicine needs none, and the insurance code can pay. Please tap "Zheliban".
pmc-open-app-hint1 = Look on the home screen for the icon that says "Zheliban".
pmc-open-app-hint2 = "Zheliban" is first in the top row and glowing; tap it.
pmc-open-app-hint3 = Please tap the glowing "Zheliban" icon. If it still does not work, ask the trainer.
pmc-open-app-wrong-camera = That is the camera; we do not need it. The insurance code is in "Zheliban" next to it.
# Step 3: open the insurance code
pmc-open-medcode-prompt = The insurance code is also called the "medical insurance e-code". Please tap "Insurance code".
pmc-open-medcode-hint1 = Among the service icons, find the one that says "Insurance code".
pmc-open-medcode-hint2 = "Insurance code" is the first icon under the greeting, glowing; tap it.
pmc-open-medcode-hint3 = Please tap the glowing "Insurance code". If it still does not work, ask the trainer.
pmc-open-medcode-wrong-social = "Social security" shows your records. To pay for medicine we need "Insurance code" next to it.
# Step 4: activate
pmc-activate-prompt = The first time, the code is activated; it is free. Please tap "Agree and activate".
pmc-activate-hint1 = Activating takes a face check and a password, once only; after that you just use it.
pmc-activate-hint2 = The blue "Agree and activate" is glowing; tap it.
pmc-activate-hint3 = Please tap the glowing blue button. If it still does not work, ask the trainer.
pmc-activate-wrong-later = Without activating, the code cannot be used. Please tap "Agree and activate".
# Step 5: allow the camera
pmc-allow-camera-prompt = The phone asks: may Zheliban use the camera? The face check needs it, so please tap "Allow".
pmc-allow-camera-hint1 = The camera has to see your face for the check, so tap "Allow".
pmc-allow-camera-hint2 = The "Allow" button is glowing; tap it.
pmc-allow-camera-hint3 = Please tap the glowing "Allow". If it still does not work, ask the trainer.
pmc-allow-camera-wrong-deny = Without the camera the phone cannot see your face, and the code cannot be activated. Please tap "Allow".
# Step 6: face check
pmc-face-check-prompt = The face check shows it is really you. Hold the phone in front of your face and tap the face frame to start.
pmc-face-check-hint1 = The phone just looks at your face; blink when it asks.
pmc-face-check-hint2 = The glowing frame says "Face the phone and blink"; tap it.
pmc-face-check-hint3 = Please tap the glowing face frame. If it still does not work, ask the trainer.
# Step 7: set the password
pmc-set-password-prompt = Set a 6-digit insurance payment password. For practice use 1 3 5 7 9 0; a real one is known only to you.
pmc-set-password-hint1 = The password is 6 digits: 1 3 5 7 9 0. Press them one at a time; it sends by itself when full.
pmc-set-password-hint2 = On the big keypad below press 1, 3, 5, 7, 9, 0.
pmc-set-password-hint3 = Slowly, please: 1, 3, 5, 7, 9, 0. If it still does not work, ask the trainer.
pmc-set-password-wrong = For this practice please use 1 3 5 7 9 0, so it is easy to remember. No matter, type it again.
# Step 8: the password once more
pmc-confirm-password-prompt = To be sure there is no typing slip, type the password once more: 1 3 5 7 9 0.
pmc-confirm-password-hint1 = The same as before: 1 3 5 7 9 0.
pmc-confirm-password-hint2 = On the big keypad below press 1, 3, 5, 7, 9, 0.
pmc-confirm-password-hint3 = Slowly, please: 1, 3, 5, 7, 9, 0. If it still does not work, ask the trainer.
pmc-confirm-password-wrong = The two did not match; no matter. Please type 1 3 5 7 9 0 again.
# Step 9: let the cashier scan
pmc-show-code-prompt = Activated: your insurance code is showing. Hold it to the scanner on the counter: please tap the code scanner.
pmc-show-code-hint1 = The code changes every minute, so a screenshot is no use; never send it to anyone. Hold it to the scanner.
pmc-show-code-hint2 = The scanner is to the right of the cashier and glowing; tapping it holds your phone to it.
pmc-show-code-hint3 = Please tap the glowing code scanner. If it still does not work, ask the trainer.
pmc-show-code-wrong-pickup = That is the pick-up window, for after paying. Please hold the code to the scanner on the counter.
# Step 10: check the amount
pmc-check-bill-prompt = Scanned. 36.80 yuan in all, paid from your own insurance account, no cash. If that is right, tap "Confirm payment".
pmc-check-bill-hint1 = Your own account is your own insurance money; at a pharmacy it can pay for medicine.
pmc-check-bill-hint2 = When you have read it, tap "Confirm payment" at the bottom. If something is unclear, tap "A question? Ask the cashier".
pmc-check-bill-hint3 = Please tap the glowing "Confirm payment" button. If it still does not work, ask the trainer.
pmc-check-bill-question-ok = Asking when something is unclear is exactly right.
# Asking the cashier (only after "A question?")
pmc-ask-cashier-prompt = The cashier explains: non-prescription medicine is paid from your own insurance account; prescription medicine needs a doctor's prescription. When it is clear, tap the cashier.
pmc-ask-cashier-hint1 = When it is clear, go back to paying: tap the cashier.
pmc-ask-cashier-hint2 = The cashier is glowing; tap it.
pmc-ask-cashier-hint3 = Please tap the glowing cashier. If it still does not work, ask the trainer.
# Step 11: the payment password
pmc-enter-password-prompt = Enter the insurance payment password you just set: 1 3 5 7 9 0.
pmc-enter-password-hint1 = The password is 6 digits: 1 3 5 7 9 0. Press them one at a time; a wrong one can be deleted.
pmc-enter-password-hint2 = On the big keypad below press 1, 3, 5, 7, 9, 0; it sends by itself when full.
pmc-enter-password-hint3 = Slowly, please: 1, 3, 5, 7, 9, 0. If it still does not work, ask the trainer.
pmc-enter-password-wrong = That does not seem to be the password; no matter. It is the one you set: 1 3 5 7 9 0. Try once more.
# Step 12: the payment slip
pmc-read-receipt-prompt = Paid! The slip shows 36.80 yuan from your own account and not a single yuan in cash. Then tap "I've read it".
pmc-read-receipt-hint1 = The slip shows where each part of the money came from, and what is left in your account.
pmc-read-receipt-hint2 = When you have read it, tap "I've read it" under the caption.
pmc-read-receipt-hint3 = Please tap the glowing "I've read it" button. If it still does not work, ask the trainer.
# Step 13: the scam
pmc-refuse-scam-prompt = Just after paying, a text message arrives: your insurance balance can be cashed out. Think: can insurance money be cashed out?
pmc-refuse-scam-hint1 = Money in an insurance account is only for doctors and medicine; it cannot be cashed out. Anyone who says it can is a scammer.
pmc-refuse-scam-hint2 = Do not tap the link in the message. Please tap "Delete this message" below it.
pmc-refuse-scam-hint3 = Please tap the glowing "Delete this message". When unsure, ask the trainer or your family.
pmc-refuse-scam-wrong-open = No need to read it again, and never tap its link. Please tap "Delete this message".
pmc-refuse-scam-fell-for = Don't worry, this is only practice and no money is gone. Insurance money cannot be cashed out, and "today only" is a scammer hurrying you. Please tap "Delete this message".
pmc-refuse-scam-refused = Well done! Insurance money cannot be cashed out; delete such messages. Offers to cash out insurance can be reported on 12393.
# Step 14: collect the medicine
pmc-take-medicine-prompt = Last step: collect the medicine at the pick-up window. Please tap the pick-up window on the right.
pmc-take-medicine-hint1 = The pick-up window is on the right of the room, with the sign "Medicine pick-up".
pmc-take-medicine-hint2 = The glowing one is the pick-up window; tap it.
pmc-take-medicine-hint3 = Please tap the glowing pick-up window. If it still does not work, ask the trainer.
pmc-take-medicine-wrong-seats = Those are the seats. The medicine is at the pick-up window, on the right.
