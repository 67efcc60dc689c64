# 应用自身的界面文字。
app-title = 跨越 · 数字生活练习
app-subtitle = 在安全的练习环境里，一步一步学会用手机办事
app-scenario-broken = 这个场景文件有问题，暂时不能练习：{ $file }
app-quit = 退出
app-acknowledge = 我知道了
app-minutes = { $minutes } 分钟
app-choose = 今天想练习什么？
app-back = 返回
app-broken-where = 位置：第 { $place }（行:列）
app-done-title = 太棒了，您完成了！
app-done-steps = 一共完成了 { $steps } 步
app-done-minutes = 用时大约 { $minutes } 分钟
app-again = 再练一次
app-choose-another = 换一个练习
app-repeat = 再听一遍
app-hint = 提示
app-skip = 跳过
app-leave = 退出
app-skip-confirm = 跳过这一步吗？
app-leave-confirm = 现在退出练习吗？
app-yes = 是的
app-no = 不，继续
app-call-trainer = 需要帮忙？请举手，老师会过来。
app-keypad-delete = 删除
app-keypad-ok = 确定
app-full = 已满
app-more = 下面还有更多内容
app-step-of = 第 { $done } 步，共 { $total } 步
app-who = 请问，今天是谁在练习？点您的名字：
app-guest = 访客
app-add-learner = ＋ 添加学员
app-learner-name = 学员的名字（只写称呼就好，比如：王阿姨）
app-ok = 好
app-cancel = 取消
app-settings = 设置
app-trainer = 老师专用
app-practising-as = 正在练习：{ $name }
app-completed = ✓ 已经完成过
app-certificate = 领取结业证书
app-certificate-saved = 证书已保存，可以打印：{ $file }
app-certificate-failed = 证书没有保存成功：{ $reason }
app-certificate-saving = 正在制作证书……
certificate-heading = 结业证书
certificate-achievement = 完成了“{ $scenario }”的全部练习
certificate-date = { $year }年{ $month }月{ $day }日
settings-text-size = 文字大小
settings-sample = 这是文字的大小。
settings-language = 语言
settings-fullscreen = 全屏显示
settings-big-pointer = 大号鼠标指针
settings-on = 开
settings-off = 关
trainer-title = 老师专用
trainer-pin-enter = 请输入老师密码：
trainer-pin-choose = 第一次使用，请设置老师密码（4 到 6 位数字）：
trainer-pin-again = 请再输入一次同样的密码：
trainer-pin-wrong = 密码不对，请再试一次。
trainer-pin-wait = 密码已经连续输错几次了。为了保护练习记录，请等 { $minutes } 分钟后再试。忘记密码的话，可以在这台电脑上运行 kuayue reset-pin 清除密码。
trainer-pin-invalid = 密码要 4 到 6 位数字。
trainer-pin-mismatch = 两次输入的不一样，请重新设置。
trainer-tab-learners = 学员
trainer-tab-scenarios = 场景
trainer-tab-export = 导出
trainer-tab-centre = 本中心
trainer-learner-line = 完成 { $completed } 个场景，练习 { $attempts } 次，最近 { $last }
trainer-scenario-value = { $rate }（{ $completed }/{ $attempts }），中位 { $median } 分钟
trainer-step-value = 点错 { $wrong } · 提示 { $hints } · 跳过 { $skips }
trainer-anonymize = 隐去姓名（用代号）
trainer-export-csv = 导出 CSV（Excel 可打开）
trainer-export-xlsx = 导出 Excel 表格
trainer-export-xapi = 导出 xAPI
trainer-exported = 已导出：{ $file }
trainer-export-failed = 导出失败，请看日志。
trainer-exporting = 正在保存文件……
trainer-centre-name = 本中心的名称（印在证书上）：
trainer-save = 保存
trainer-saved = 已保存。
trainer-tab-sync = 上报记录
trainer-sync-explain = 练习记录可以发到市里的学习记录平台（地址、账号和密钥向市里索取）。只发代号，不发姓名；没有网络时，记录先存在这台电脑上。
trainer-sync-not-kept = 这个窗口不记录练习（预览），所以不会发送。
trainer-sync-sending = 正在发送…
trainer-sync-endpoint = 平台地址：
trainer-sync-key = 账号（key）：
trainer-sync-secret = 密钥（secret）：
trainer-sync-centre = 本中心标识（可不填）：
trainer-sync-not-set-up = 还没有设置学习记录平台。请向市里的主管部门要平台地址、账号和密钥，填在上面。
trainer-sync-save = 保存并发送
app-learner-group = 班级（可以不填，比如：老年大学 智能手机一班）
settings-voice = 语音提示
settings-volume = 音量
settings-volume-50 = 小
settings-volume-75 = 中
settings-volume-100 = 大
settings-rate = 语速
settings-rate-slow = 慢一点
settings-rate-normal = 正常
settings-repeat = 没操作时再说一遍
settings-repeat-never = 不用
settings-repeat-after = { $seconds } 秒后
settings-voice-pack = 谁的声音
settings-voice-pack-standard = 标准语音
reload-kept = 刚保存的文件有问题，还在用上一次好的版本
reload-fix = 怎么改：{ $fix }
reload-hint = 改好并保存以后，这里会自己消失。
trainer-tab-preview = 预览场景
trainer-preview-explain = 选一个场景，再选从哪一步开始。预览不算学员的练习，不会记录。
trainer-preview-all = ← 全部场景
app-steps = 步骤
language-name = 中文
app-label-value = { $label }：{ $value }

## 窗口打开之前，或程序出错需要关闭时（系统自带的提示框）。
gpu-none-title = 跨越无法显示画面
gpu-none-body = 这台电脑没有跨越能用的显卡驱动（Vulkan{ $os ->
        [windows] {" "}或 DirectX 12
       *[other] {""}
    }），所以练习的场景显示不出来。

    请告诉中心的电脑管理员：{ $os ->
        [windows] 从电脑厂家或 Windows 更新安装显卡驱动；Windows 10 和 11 一般都有。
       *[other] 安装软件包 mesa-vulkan-drivers（没有显卡也能显示），或显卡厂家的 Vulkan 驱动。
    }

    什么都没有丢失。详细情况记在 { $log }。
fault-title = 跨越需要关闭
fault-body = 出了一点问题，跨越需要关闭。已经练习的记录都保存好了。请重新打开跨越。

    如果再次出现，请告诉中心的电脑管理员，并把文件 { $log } 交给他。
