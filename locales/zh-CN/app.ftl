# 应用自身的界面文字。
app-title = 跨越 · 数字生活练习
app-subtitle = 在安全的练习环境里，一步一步学会用手机办事
app-scenarios-loaded = 可以练习的场景：{ $count } 个
app-scenario-broken = 这个场景文件有问题，暂时不能练习：{ $file }
app-quit = 退出
app-acknowledge = 我知道了
app-minutes = { $minutes } 分钟
