# 在药店用医保码付药费（pharmacy_medical_code）。药店、人物、金额都是虚构的。
pmc-title = 医保码买药
pmc-summary = 第一次用医保码：激活、刷脸、设密码，在药店付药费，再删掉骗人的“医保提现”短信
# 场景物件
pmc-st-phone = 您的手机
pmc-st-counter = 收银台
pmc-st-scanner = 扫码盒
pmc-st-pickup = 取药窗口
pmc-st-seats = 休息座位
# 手机界面
pmc-scr-phone-home = 手机桌面
pmc-app-zlb = 浙里办
pmc-app-camera = 相机
pmc-app-phone = 电话
pmc-app-messages = 短信
pmc-scr-zlb-home = 浙里办
pmc-zlb-greeting = 您好，今天想办什么事？
pmc-svc-medcode = 医保码
pmc-svc-social = 社保查询
pmc-svc-booking = 预约挂号
pmc-scr-medcode = 医保电子凭证
pmc-activate-why = 第一次使用，要先激活医保电子凭证：刷脸确认是您本人，再设置医保支付密码。
pmc-activate-free = 激活是免费的，不要花钱找人“代激活”。
pmc-btn-activate = 同意协议并激活
pmc-btn-later = 以后再说
pmc-perm-camera = 允许“浙里办”使用相机？
pmc-face-why = 请把脸放在框里，光线亮一点。
pmc-face-scan = 请正对手机，眨眨眼（点这里开始刷脸）
pmc-scr-set-password = 设置医保支付密码
pmc-password-tip = 密码不要用生日，也不要用 123456 这样的连号。
pmc-new-password = 请设置 6 位医保支付密码
pmc-new-password-again = 请再输入一次，确认密码
pmc-code-text = 请向收银员出示
pmc-code-title = 我的医保电子凭证
pmc-code-name = 姓名
pmc-code-name-value = 李*芳
pmc-code-place = 参保地
pmc-code-place-value = 安和市
pmc-scr-bill = 医保结算
pmc-bill-title = 这次买药要付的钱
pmc-bill-medicine = 药品
pmc-bill-medicine-value = 感冒药 2 盒
pmc-bill-prescription = 处方
pmc-bill-prescription-value = 不用（非处方药）
pmc-bill-total = 总金额
pmc-bill-total-value = 36.80 元（示例）
pmc-bill-account = 医保个人账户支付
pmc-bill-account-value = 36.80 元
pmc-bill-cash = 现金支付
pmc-bill-cash-value = 0.00 元
pmc-btn-question = 有疑问，问一问收银员
pmc-btn-confirm-pay = 确认支付
pmc-scr-pay = 输入医保支付密码
pmc-pay-amount = 医保个人账户支付 36.80 元
pmc-pay-password = 医保支付密码（6 位数字）
pmc-scr-receipt = 支付成功
pmc-paid-toast = 已支付
pmc-receipt-title = 医保结算单
pmc-receipt-balance = 个人账户余额
pmc-receipt-balance-value = 1263.20 元（示例）
pmc-scr-sms = 短信
pmc-scam-sender = 171 0000 8836
pmc-scam-text = 【医保局】您的医保个人账户有 2318 元可以提现到银行卡，只限今天，过期清零。点击办理：
pmc-scam-link = http://yb-tx.cc/q2
pmc-scam-close = 删除这条短信
# 第 1 步：去收银台
pmc-go-to-counter-prompt = 李阿姨感冒了，在安和大药房拿了两盒感冒药。请点一下前面的收银台去付钱。
pmc-go-to-counter-hint1 = 付钱要到收银台。看一看房间前面，写着“收银台”的地方。
pmc-go-to-counter-hint2 = 收银台在正前方偏左，正在发光，点它。
pmc-go-to-counter-hint3 = 请点发光的收银台。如果还是不会，可以请老师来帮忙。
pmc-go-to-counter-wrong-pickup = 那是取药窗口，付完钱才去那里。我们先去收银台。
# 第 2 步：打开浙里办
pmc-open-app-prompt = 收银员问有没有处方。感冒药是非处方药，不用处方，能用医保码付。请点“浙里办”。
pmc-open-app-hint1 = 在手机桌面上找写着“浙里办”的图标。
pmc-open-app-hint2 = “浙里办”在第一排最左边，正在发光，点它。
pmc-open-app-hint3 = 请点发光的“浙里办”图标。如果还是不会，可以请老师来帮忙。
pmc-open-app-wrong-camera = 这是相机，不用它。医保码要在旁边的“浙里办”里打开。
# 第 3 步：打开医保码
pmc-open-medcode-prompt = 医保码也叫“医保电子凭证”。请点“医保码”。
pmc-open-medcode-hint1 = 在服务图标里找写着“医保码”的那个。
pmc-open-medcode-hint2 = “医保码”在问候语下面第一个，正在发光，点它。
pmc-open-medcode-hint3 = 请点发光的“医保码”。如果还是不会，可以请老师来帮忙。
pmc-open-medcode-wrong-social = “社保查询”是看社保记录的。付药费要用旁边的“医保码”。
# 第 4 步：激活
pmc-activate-prompt = 第一次用医保码，要先激活，这是免费的。请点“同意协议并激活”。
pmc-activate-hint1 = 激活要刷脸，再设一个密码，一次就好，以后直接用。
pmc-activate-hint2 = 蓝色的“同意协议并激活”正在发光，点它。
pmc-activate-hint3 = 请点发光的蓝色按钮。如果还是不会，可以请老师来帮忙。
pmc-activate-wrong-later = 不激活就用不了医保码。请点“同意协议并激活”。
# 第 5 步：允许用相机
pmc-allow-camera-prompt = 手机问：让浙里办用相机吗？刷脸要用相机，请点“允许”。
pmc-allow-camera-hint1 = 刷脸要用相机看您的脸，所以要点“允许”。
pmc-allow-camera-hint2 = “允许”按钮正在发光，点它。
pmc-allow-camera-hint3 = 请点发光的“允许”。如果还是不会，可以请老师来帮忙。
pmc-allow-camera-wrong-deny = 不允许的话，手机看不到您的脸，就激活不了。请点“允许”。
# 第 6 步：刷脸
pmc-face-check-prompt = 刷脸证明是您本人。把手机放在脸的正前方，请点刷脸框开始。
pmc-face-check-hint1 = 刷脸就是让手机看一看您的脸，跟着提示眨眨眼。
pmc-face-check-hint2 = 发光的框写着“请正对手机，眨眨眼”，点它。
pmc-face-check-hint3 = 请点发光的刷脸框。如果还是不会，可以请老师来帮忙。
# 第 7 步：设置密码
pmc-set-password-prompt = 设置 6 位医保支付密码。练习用 1 3 5 7 9 0，真的密码只有自己知道。
pmc-set-password-hint1 = 密码是 6 位数字：1 3 5 7 9 0。一个一个按，输满会自动提交。
pmc-set-password-hint2 = 在下面的大键盘上依次按 1、3、5、7、9、0。
pmc-set-password-hint3 = 请慢慢按：1，3，5，7，9，0。如果还是不会，可以请老师来帮忙。
pmc-set-password-wrong = 这次练习请用 1 3 5 7 9 0，好记住。没关系，再输一次。
# 第 8 步：再输一次密码
pmc-confirm-password-prompt = 为了不输错，请把密码再输一次：1 3 5 7 9 0。
pmc-confirm-password-hint1 = 和刚才一样，输 1 3 5 7 9 0。
pmc-confirm-password-hint2 = 在下面的大键盘上依次按 1、3、5、7、9、0。
pmc-confirm-password-hint3 = 请慢慢按：1，3，5，7，9，0。如果还是不会，可以请老师来帮忙。
pmc-confirm-password-wrong = 两次输的不一样，没关系。请再输一次 1 3 5 7 9 0。
# 第 9 步：给收银员扫码
pmc-show-code-prompt = 激活好了，医保码出来了。请把手机对准收银台的扫码盒：点一下扫码盒。
pmc-show-code-hint1 = 医保码每分钟自动换，截图的没用，也不要发给别人。请对准扫码盒。
pmc-show-code-hint2 = 扫码盒在收银台右边，正在发光，点它就是把手机凑过去。
pmc-show-code-hint3 = 请点发光的扫码盒。如果还是不会，可以请老师来帮忙。
pmc-show-code-wrong-pickup = 那是取药窗口，付完钱再去。请把医保码对准收银台的扫码盒。
# 第 10 步：看清要付多少钱
pmc-check-bill-prompt = 扫好了。一共 36.80 元，从医保个人账户里付，不用付现金。没问题就点“确认支付”。
pmc-check-bill-hint1 = 个人账户是您自己医保里的钱，在药店可以用来买药。
pmc-check-bill-hint2 = 看清以后，点最下面的“确认支付”。有不明白的，可以点“有疑问，问一问收银员”。
pmc-check-bill-hint3 = 请点发光的“确认支付”按钮。如果还是不会，可以请老师来帮忙。
pmc-check-bill-question-ok = 有不明白的地方就问，这样做很对。
# 问收银员（只有点了“有疑问”才会来）
pmc-ask-cashier-prompt = 收银员说：非处方药从您的医保个人账户里付；买处方药要带处方。问清楚了，请点收银台。
pmc-ask-cashier-hint1 = 问清楚了就回到付款。点一下收银台。
pmc-ask-cashier-hint2 = 收银台正在发光，点它。
pmc-ask-cashier-hint3 = 请点发光的收银台。如果还是不会，可以请老师来帮忙。
# 第 11 步：输入支付密码
pmc-enter-password-prompt = 输入刚才设的医保支付密码：1 3 5 7 9 0。
pmc-enter-password-hint1 = 密码是 6 位数字：1 3 5 7 9 0。一个一个按，按错了可以删。
pmc-enter-password-hint2 = 在下面的大键盘上依次按 1、3、5、7、9、0，输满会自动提交。
pmc-enter-password-hint3 = 请慢慢按：1，3，5，7，9，0。如果还是不会，可以请老师来帮忙。
pmc-enter-password-wrong = 密码好像不对，没关系。就是刚才设的 1 3 5 7 9 0，再输一次。
# 第 12 步：看结算单
pmc-read-receipt-prompt = 付好了！结算单上写着：个人账户付了 36.80 元，现金一分没花。看完点“我知道了”。
pmc-read-receipt-hint1 = 结算单上写着每一笔钱是从哪里付的，还有账户余额。
pmc-read-receipt-hint2 = 看完以后，点字幕下面的“我知道了”。
pmc-read-receipt-hint3 = 请点发光的“我知道了”按钮。如果还是不会，可以请老师来帮忙。
# 第 13 步：防诈骗
pmc-refuse-scam-prompt = 刚付完钱，手机收到一条短信，说医保余额能提现。想一想：医保的钱能提现吗？
pmc-refuse-scam-hint1 = 医保个人账户的钱只能看病买药，不能提现。说能提现的都是骗子。
pmc-refuse-scam-hint2 = 不要点短信里的链接。请点下面的“删除这条短信”。
pmc-refuse-scam-hint3 = 请点发光的“删除这条短信”。拿不准的时候，可以问老师或家人。
pmc-refuse-scam-wrong-open = 这条短信不用再看了，里面的链接千万别点。请点“删除这条短信”。
pmc-refuse-scam-fell-for = 别担心，这只是练习，钱没有少。医保的钱不能提现，“只限今天”是骗子在催您。请点“删除这条短信”。
pmc-refuse-scam-refused = 做得好！医保的钱不能提现，这种短信直接删掉。遇到医保套现，可以打 12393 举报。
# 第 14 步：取药
pmc-take-medicine-prompt = 最后一步：到取药窗口拿药。请点一下右边的取药窗口。
pmc-take-medicine-hint1 = 取药窗口在房间右边，写着“取药窗口”。
pmc-take-medicine-hint2 = 正在发光的就是取药窗口，点它。
pmc-take-medicine-hint3 = 请点发光的取药窗口。如果还是不会，可以请老师来帮忙。
pmc-take-medicine-wrong-seats = 那是休息座位。药要到取药窗口去拿，就在右边。
