# 在药店用医保码付药费（pharmacy_medical_code）。药店、人物、金额都是虚构的。
pmc-title = 医保码买药
pmc-summary = 在药店用浙里办里的医保码付药费，认出骗人的“医保提现”
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
pmc-scr-medcode = 医保码
pmc-notice-title = 医保码使用须知
pmc-notice-text = 买药、看病时出示医保码，医保会自动结算。请不要把医保码截图发给别人。
pmc-notice-more = 查看详情
pmc-notice-close = 我知道了
pmc-face-why = 第一次使用医保码，要刷脸确认是您本人。
pmc-face-scan = 点这里开始刷脸
pmc-code-qr = 医保码（给收银员扫）
pmc-code-title = 我的医保码
pmc-code-name = 姓名
pmc-code-name-value = 李*芳
pmc-code-place = 参保地
pmc-code-place-value = 安和市
pmc-scr-bill = 医保结算
pmc-bill-title = 这次买药要付的钱
pmc-bill-medicine = 药品
pmc-bill-medicine-value = 降压药 2 盒
pmc-bill-total = 总金额
pmc-bill-total-value = 58.60 元
pmc-bill-pooled = 医保统筹支付
pmc-bill-pooled-value = 35.16 元
pmc-bill-account = 个人账户支付
pmc-bill-account-value = 23.44 元
pmc-btn-question = 有疑问，问一问收银员
pmc-btn-confirm-pay = 确认支付
pmc-scam-title = 医保余额提现通知
pmc-scam-text = 您的医保个人账户有 2318 元可以提现到银行卡，只限今天，过期清零！
pmc-scam-claim = 立即提现
pmc-scam-close = 关闭
pmc-scr-pay = 输入支付密码
pmc-pay-amount = 个人账户支付 23.44 元
pmc-pay-password = 医保支付密码（6 位数字）
pmc-scr-receipt = 支付成功
pmc-paid-toast = 已支付
pmc-receipt-title = 付款凭证
pmc-receipt-cash = 现金支付
pmc-receipt-cash-value = 0.00 元
# 第 1 步：去收银台
pmc-go-to-counter-prompt = 李阿姨在安和大药房拿好了降压药，现在去付钱。请点一下前面的收银台。
pmc-go-to-counter-hint1 = 付钱要到收银台。看一看房间前面，写着“收银台”的地方。
pmc-go-to-counter-hint2 = 收银台在正前方偏左，正在发光，点一下它。
pmc-go-to-counter-hint3 = 请点发光的收银台。如果还是不会，可以请老师来帮忙。
pmc-go-to-counter-wrong-pickup = 那是取药窗口，付完钱才去那里。我们先去收银台。
# 第 2 步：打开浙里办
pmc-open-app-prompt = 收银员说可以用医保码付钱。医保码在“浙里办”里，请在手机上点“浙里办”。
pmc-open-app-hint1 = 在手机桌面上找写着“浙里办”的图标。
pmc-open-app-hint2 = “浙里办”在第一排最左边，正在发光，点它。
pmc-open-app-hint3 = 请点发光的“浙里办”图标。如果还是不会，可以请老师来帮忙。
pmc-open-app-wrong-camera = 这是相机，不用它。医保码要在旁边的“浙里办”里打开。
# 第 3 步：打开医保码
pmc-open-medcode-prompt = 浙里办打开了。请点“医保码”。
pmc-open-medcode-hint1 = 在服务图标里找写着“医保码”的那个。
pmc-open-medcode-hint2 = “医保码”在问候语下面第一个，正在发光，点它。
pmc-open-medcode-hint3 = 请点发光的“医保码”。
pmc-open-medcode-wrong-social = “社保查询”是看社保记录的。付药费要用旁边的“医保码”。
# 第 4 步：关掉使用须知
pmc-close-notice-prompt = 弹出了一张“使用须知”。读一读，然后点“我知道了”把它关掉。
pmc-close-notice-hint1 = 这是正常的说明，不是广告。读完就可以关掉。
pmc-close-notice-hint2 = 最下面的大按钮“我知道了”正在发光，点它。
pmc-close-notice-hint3 = 请点发光的“我知道了”。
pmc-close-notice-wrong-more = 详情以后再看也可以。现在先点“我知道了”关掉它。
# 第 5 步：刷脸
pmc-face-check-prompt = 第一次用医保码要刷脸，证明是您本人。请点“点这里开始刷脸”。
pmc-face-check-hint1 = 刷脸就是让手机看一看您的脸。点屏幕上的刷脸框就开始。
pmc-face-check-hint2 = 发光的框写着“点这里开始刷脸”，点它，手机放在脸的正前方。
pmc-face-check-hint3 = 请点发光的刷脸框。
# 第 6 步：给收银员扫码
pmc-show-code-prompt = 医保码出来了。把手机上的医保码对准收银台上的扫码盒：请点一下扫码盒。
pmc-show-code-hint1 = 医保码要让收银台的机器扫一下。看一看收银台旁边的扫码盒。
pmc-show-code-hint2 = 扫码盒在收银台右边，正在发光，点它就是把手机凑过去。
pmc-show-code-hint3 = 请点发光的扫码盒。
pmc-show-code-wrong-qr = 医保码不用自己点，要给扫码盒扫。请点房间里的扫码盒。
# 第 7 步：看清要付多少钱
pmc-check-bill-prompt = 扫好了。看一看要付多少钱：总共 58.60 元，医保统筹付 35.16 元，个人账户付 23.44 元。没问题就点“确认支付”。
pmc-check-bill-hint1 = 医保统筹和个人账户都是医保的钱，这次不用付现金。
pmc-check-bill-hint2 = 看清以后，点最下面的“确认支付”。有不明白的，可以点“有疑问，问一问收银员”。
pmc-check-bill-hint3 = 请点发光的“确认支付”按钮。
pmc-check-bill-question-ok = 有不明白的地方就问，这样做很对。
# 问收银员（只有点了“有疑问”才会来）
pmc-ask-cashier-prompt = 收银员说：统筹是大家一起交的医保钱，个人账户是您自己医保卡里的钱。问清楚了，请点收银台回到付款。
pmc-ask-cashier-hint1 = 问清楚了就回到付款。点一下收银台。
pmc-ask-cashier-hint2 = 收银台正在发光，点它。
pmc-ask-cashier-hint3 = 请点发光的收银台。
# 第 8 步：防诈骗
pmc-refuse-scam-prompt = 这时手机上弹出一条“医保余额提现”的通知。想一想：医保的钱能提现吗？
pmc-refuse-scam-hint1 = 医保个人账户的钱只能看病买药，不能提现。说能提现的，都是骗子。
pmc-refuse-scam-hint2 = 不要点“立即提现”。点下面的“关闭”。
pmc-refuse-scam-hint3 = 请点发光的“关闭”按钮。
pmc-refuse-scam-fell-for = 别担心，这只是练习，钱没有少。记住：医保的钱不能提现，“只限今天”是骗子在催您。请点“关闭”。
pmc-refuse-scam-refused = 做得好！医保的钱不能提现，这种通知直接关掉，也可以告诉家人或打 110 问一问。
# 第 9 步：输入支付密码
pmc-enter-password-prompt = 最后输入医保支付密码。练习用的密码是 1 3 5 7 9 0，请在键盘上输入，再点“确定”。
pmc-enter-password-hint1 = 密码是 6 位数字：1 3 5 7 9 0。一个一个按，按错了可以删。
pmc-enter-password-hint2 = 在下面的大键盘上依次按 1、3、5、7、9、0，再按“确定”。
pmc-enter-password-hint3 = 请慢慢按：1，3，5，7，9，0，然后按“确定”。如果还是不会，可以请老师来帮忙。
pmc-enter-password-wrong = 密码好像不对，没关系。练习用的密码是 1 3 5 7 9 0，再输一次。
# 第 10 步：看凭证
pmc-read-receipt-prompt = 付好了！看一看付款凭证：现金一分没花。看完点“我知道了”。
pmc-read-receipt-hint1 = 凭证上写着每一笔钱是从哪里付的。
pmc-read-receipt-hint2 = 看完以后，点字幕下面的“我知道了”。
pmc-read-receipt-hint3 = 请点发光的“我知道了”按钮。
# 第 11 步：取药
pmc-take-medicine-prompt = 最后一步：到取药窗口拿药。请点一下右边的取药窗口。
pmc-take-medicine-hint1 = 取药窗口在房间右边，写着“取药窗口”。
pmc-take-medicine-hint2 = 正在发光的就是取药窗口，点它。
pmc-take-medicine-hint3 = 请点发光的取药窗口。
pmc-take-medicine-wrong-seats = 那是休息座位。药要到取药窗口去拿，就在右边。
