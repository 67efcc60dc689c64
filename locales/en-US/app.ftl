# The app's own interface text.
app-title = Kuayue · Digital life practice
app-subtitle = Learn to use your phone step by step, in a safe place to practise
app-scenarios-loaded = Scenarios ready to practise: { $count }
app-scenario-broken = This scenario file has a problem and cannot be practised yet: { $file }
app-quit = Quit
app-acknowledge = I've read it
app-minutes = { $minutes } min
