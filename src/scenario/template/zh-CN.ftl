# {id}：新场景的文字（zh-CN）。人名、号码都用虚构的。
{prefix}-title = 新场景（请改成场景名字）
{prefix}-summary = 一句话说明这个场景练什么
# 场景物件
{prefix}-st-phone = 您的手机
{prefix}-st-window = 服务窗口
# 手机界面
{prefix}-scr-phone-home = 手机桌面
{prefix}-app-main = 办事软件
{prefix}-app-camera = 相机
{prefix}-scr-app-home = 办事软件
{prefix}-welcome = 您好，欢迎使用
{prefix}-btn-start = 开始办理
{prefix}-receipt = 办理结果
{prefix}-receipt-what = 事项
{prefix}-receipt-what-value = 已办好
# 第 1 步：打开软件
{prefix}-open-app-prompt = 请在手机桌面上找到“办事软件”，点一下打开它。
{prefix}-open-app-hint1 = 看看手机屏幕上的图标，找写着“办事软件”的那个。
{prefix}-open-app-hint2 = “办事软件”在第一排，正在发光，点它就行。
{prefix}-open-app-hint3 = 请点发光的“办事软件”图标。如果还是不会，可以请老师来帮忙。
{prefix}-open-app-wrong-camera = 这是相机，不用着急。我们要找的是旁边的“办事软件”。
# 第 2 步：开始办理
{prefix}-start-prompt = 软件打开了。请点下面的“开始办理”。
{prefix}-start-hint1 = 往下看，有一个大按钮写着“开始办理”。
{prefix}-start-hint2 = 发光的那个按钮就是“开始办理”，点一下。
{prefix}-start-hint3 = 请点发光的“开始办理”按钮。
# 第 3 步：看结果
{prefix}-read-result-prompt = 办好了。看一看结果，看完点“我知道了”。
{prefix}-read-result-hint1 = 屏幕上写着办理结果，慢慢看。
{prefix}-read-result-hint2 = 看完以后，点字幕下面的“我知道了”。
{prefix}-read-result-hint3 = 请点发光的“我知道了”按钮。
# 第 4 步：去窗口
{prefix}-window-prompt = 最后，请点一下房间里的服务窗口，把结果给工作人员看。
{prefix}-window-hint1 = 抬头看看房间前面，有一个服务窗口。
{prefix}-window-hint2 = 正在发光的就是服务窗口，点它。
{prefix}-window-hint3 = 请点发光的服务窗口。
