# Paying at a pharmacy with the medical insurance code (pharmacy_medical_code). The pharmacy, people and amounts are made up.
pmc-title = Medicine with the insurance code
pmc-summary = Pay for medicine with the medical insurance code in Zheliban, and spot a fake "cash out your insurance" offer
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
pmc-scr-medcode = Insurance code
pmc-notice-title = About the insurance code
pmc-notice-text = Show the insurance code when you buy medicine or see a doctor; the insurance pays its part by itself. Never send a picture of your code to anyone.
pmc-notice-more = More details
pmc-notice-close = I see
pmc-face-why = The first time, a face check makes sure it is really you.
pmc-face-scan = Tap here to start the face check
pmc-code-qr = Insurance code (for the cashier to scan)
pmc-code-title = My insurance code
pmc-code-name = Name
pmc-code-name-value = Li * Fang
pmc-code-place = Insured in
pmc-code-place-value = Anhe City
pmc-scr-bill = Insurance payment
pmc-bill-title = What this medicine costs
pmc-bill-medicine = Medicine
pmc-bill-medicine-value = Blood pressure tablets, 2 boxes
pmc-bill-total = Total
pmc-bill-total-value = 58.60 yuan
pmc-bill-pooled = Paid by the shared insurance fund
pmc-bill-pooled-value = 35.16 yuan
pmc-bill-account = Paid from your own insurance account
pmc-bill-account-value = 23.44 yuan
pmc-btn-question = A question? Ask the cashier
pmc-btn-confirm-pay = Confirm payment
pmc-scam-title = Insurance cash-out notice
pmc-scam-text = Your insurance account has 2318 yuan you can cash out to your bank card. Today only — it expires tonight!
pmc-scam-claim = Cash out now
pmc-scam-close = Close
pmc-scr-pay = Payment password
pmc-pay-amount = From your own insurance account: 23.44 yuan
pmc-pay-password = Insurance payment password (6 digits)
pmc-scr-receipt = Paid
pmc-paid-toast = Payment done
pmc-receipt-title = Receipt
pmc-receipt-cash = Paid in cash
pmc-receipt-cash-value = 0.00 yuan
# Step 1: go to the cashier
pmc-go-to-counter-prompt = Mrs Li has her blood pressure tablets at Anhe Pharmacy and now goes to pay. Please tap the cashier in front of you.
pmc-go-to-counter-hint1 = You pay at the cashier. Look at the front of the room for the sign "Cashier".
pmc-go-to-counter-hint2 = The cashier is ahead, a little to the left, and glowing; tap it.
pmc-go-to-counter-hint3 = Please tap the glowing cashier. If it still does not work, ask the trainer.
pmc-go-to-counter-wrong-pickup = That is where you collect medicine, after paying. First the cashier.
# Step 2: open Zheliban
pmc-open-app-prompt = The cashier says you can pay with the insurance code. It is in "Zheliban": please tap "Zheliban" on the phone.
pmc-open-app-hint1 = Look on the home screen for the icon that says "Zheliban".
pmc-open-app-hint2 = "Zheliban" is first in the top row and glowing; tap it.
pmc-open-app-hint3 = Please tap the glowing "Zheliban" icon. If it still does not work, ask the trainer.
pmc-open-app-wrong-camera = That is the camera; we do not need it. The insurance code is in "Zheliban" next to it.
# Step 3: open the insurance code
pmc-open-medcode-prompt = Zheliban is open. Please tap "Insurance code".
pmc-open-medcode-hint1 = Among the service icons, find the one that says "Insurance code".
pmc-open-medcode-hint2 = "Insurance code" is the first icon under the greeting, glowing; tap it.
pmc-open-medcode-hint3 = Please tap the glowing "Insurance code".
pmc-open-medcode-wrong-social = "Social security" shows your records. To pay for medicine we need "Insurance code" next to it.
# Step 4: close the notice
pmc-close-notice-prompt = A notice popped up. Read it, then tap "I see" to close it.
pmc-close-notice-hint1 = This is an ordinary notice, not an advert. You can close it once read.
pmc-close-notice-hint2 = The big "I see" button at the bottom is glowing; tap it.
pmc-close-notice-hint3 = Please tap the glowing "I see".
pmc-close-notice-wrong-more = The details can wait. For now, tap "I see" to close it.
# Step 5: face check
pmc-face-check-prompt = The first time you use the code, a face check makes sure it is you. Please tap "Tap here to start the face check".
pmc-face-check-hint1 = A face check lets the phone look at your face. Tap the face frame on the screen to start.
pmc-face-check-hint2 = The glowing frame says "Tap here to start the face check"; tap it and hold the phone in front of your face.
pmc-face-check-hint3 = Please tap the glowing face frame.
# Step 6: let the cashier scan
pmc-show-code-prompt = Your insurance code is showing. Hold it to the scanner on the counter: please tap the code scanner.
pmc-show-code-hint1 = The machine at the counter scans your code. Look for the scanner next to the cashier.
pmc-show-code-hint2 = The scanner is to the right of the cashier and glowing; tapping it holds your phone to it.
pmc-show-code-hint3 = Please tap the glowing code scanner.
pmc-show-code-wrong-qr = You do not tap the code yourself; the scanner reads it. Please tap the scanner in the room.
# Step 7: check the amount
pmc-check-bill-prompt = Scanned. See what you pay: 58.60 yuan in all; the shared fund pays 35.16 and your own insurance account 23.44. If that is right, tap "Confirm payment".
pmc-check-bill-hint1 = The shared fund and your own account are both insurance money; no cash is needed this time.
pmc-check-bill-hint2 = When you have read it, tap "Confirm payment" at the bottom. If something is unclear, tap "A question? Ask the cashier".
pmc-check-bill-hint3 = Please tap the glowing "Confirm payment" button.
pmc-check-bill-question-ok = Asking when something is unclear is exactly right.
# Asking the cashier (only after "A question?")
pmc-ask-cashier-prompt = The cashier explains: the shared fund is insurance money everyone pays in; your own account is the money on your own insurance card. When it is clear, tap the cashier to go back to paying.
pmc-ask-cashier-hint1 = When it is clear, go back to paying: tap the cashier.
pmc-ask-cashier-hint2 = The cashier is glowing; tap it.
pmc-ask-cashier-hint3 = Please tap the glowing cashier.
# Step 8: the scam
pmc-refuse-scam-prompt = Just then an "insurance cash-out" notice pops up on the phone. Think: can insurance money be cashed out?
pmc-refuse-scam-hint1 = Money in an insurance account is only for doctors and medicine; it cannot be cashed out. Anyone who says it can is a scammer.
pmc-refuse-scam-hint2 = Do not tap "Cash out now". Tap "Close" below it.
pmc-refuse-scam-hint3 = Please tap the glowing "Close" button.
pmc-refuse-scam-fell-for = Don't worry, this is only practice and no money is gone. Remember: insurance money cannot be cashed out, and "today only" is a scammer hurrying you. Please tap "Close".
pmc-refuse-scam-refused = Well done! Insurance money cannot be cashed out; close such notices, and tell your family or call 110 if unsure.
# Step 9: the payment password
pmc-enter-password-prompt = Last, enter the insurance payment password. For practice it is 1 3 5 7 9 0: type it on the keypad, then tap "OK".
pmc-enter-password-hint1 = The password is 6 digits: 1 3 5 7 9 0. Press them one at a time; a wrong one can be deleted.
pmc-enter-password-hint2 = On the big keypad below press 1, 3, 5, 7, 9, 0, then "OK".
pmc-enter-password-hint3 = Slowly, please: 1, 3, 5, 7, 9, 0, then "OK". If it still does not work, ask the trainer.
pmc-enter-password-wrong = That does not seem to be the password; no matter. The practice password is 1 3 5 7 9 0. Try once more.
# Step 10: the receipt
pmc-read-receipt-prompt = Paid! Look at the receipt: not a single yuan in cash. Then tap "I've read it".
pmc-read-receipt-hint1 = The receipt shows where each part of the money came from.
pmc-read-receipt-hint2 = When you have read it, tap "I've read it" under the caption.
pmc-read-receipt-hint3 = Please tap the glowing "I've read it" button.
# Step 11: collect the medicine
pmc-take-medicine-prompt = Last step: collect the medicine at the pick-up window. Please tap the pick-up window on the right.
pmc-take-medicine-hint1 = The pick-up window is on the right of the room, with the sign "Medicine pick-up".
pmc-take-medicine-hint2 = The glowing one is the pick-up window; tap it.
pmc-take-medicine-hint3 = Please tap the glowing pick-up window.
pmc-take-medicine-wrong-seats = Those are the seats. The medicine is at the pick-up window, on the right.
