# 场景检查器（kuayue check）的提示文字。每条规则有一个固定代码 KYxxxx。

diag-error = 错误
diag-warning = 提醒
diag-found = 实际写的是
diag-expected = 应该是
diag-help = 怎么改
check-summary = 检查了 { $files } 个场景文件：{ $errors } 个错误，{ $warnings } 个提醒
check-clean = 全部通过，可以使用。
check-has-errors = 有错误的场景不会出现在练习列表里，请按上面的提示修改后再检查。
check-no-files = 在 { $path } 没有找到场景文件（.ron）。

ky0001 = { $kind ->
    [comma] 这里少了一个逗号
    [close-paren] 括号没有配对：少了右括号 )
    [close-bracket] 列表没有关上：少了 ]
    [close-brace] 花括号没有关上：少了 {"}"}
    [colon] 字段名后面少了冒号
    [close-quote] 文字的引号没有关上
    [eof] 文件在中途结束了，后面还缺内容
    [trailing] 场景结束后还有多余的内容
    [comment] 注释没有关上：少了 */
    [empty] 文件是空的
    [unclosed] 第 { $line } 行的 `{ $opener }` 没有关上
    [unclosed-line] 第 { $line } 行的 `{ $opener }` 没有关上
    [unclosed-here] 第 { $line } 行的 `{ $opener }` 到这个 `{ $bracket }` 之前还没有关上
    [unclosed-end] 第 { $line } 行的 `{ $opener }` 没有关上，文件就结束了
    [extra-closer] 这个 `{ $bracket }` 多余了：第 { $line } 行的 `{ $opener }` 已经由第 { $at-line } 行第 { $at-col } 列的 `{ $closer }` 关上了
    [stray-closer] 这个 `{ $bracket }` 多余了：它前面没有要关的括号
    [wrong-closer] 这个 `{ $bracket }` 和第 { $line } 行的 `{ $opener }` 配不上
    [unopened] 这个 `{ $bracket }` 前面没有和它配对的 `{ $fix }`：这里还开着的是第 { $line } 行的 `{ $opener }`
    [missing-opener] 第 { $line } 行末尾少了一个括号：下面几行缩进了，像是从这里开始了一个括号
   *[other] 文件的写法有误
}
ky0001-help = { $kind ->
    [comma] 在上一项的末尾加一个英文逗号 ,
    [close-paren] 检查上面每个 ( 是否都有对应的 )
    [close-bracket] 在列表的最后一项后面加上 ]
    [close-brace] 在最后一项后面加上 {"}"}
    [colon] 在字段名和值之间加一个英文冒号 :
    [close-quote] 在文字末尾加上英文双引号 "
    [eof] 检查文件末尾的括号是否都关上了
    [trailing] 删除最后一个 ) 后面的内容
    [comment] 在注释末尾加上 */
    [empty] 从 docs/scenario-format.md 复制完整的小例子开始写
    [unclosed] 在第 { $before } 行前面加一行 `{ $fix }`，缩进和第 { $line } 行一样
    [unclosed-line] 在第 { $line } 行末尾加上 `{ $fix }`（有逗号的话，加在逗号前面）
    [unclosed-here] 在这个 `{ $bracket }` 前面加上 `{ $fix }`
    [unclosed-end] 在文件末尾加上 `{ $fix }`
    [extra-closer] 是不是多写了一个 `{ $fix }`？把它删掉
    [stray-closer] 删掉这个 `{ $fix }`
    [wrong-closer] 改成 `{ $fix }`，或检查第 { $line } 行到这里之间的括号
    [unopened] 在该加的地方补上 `{ $fix }`，或删掉这个 `{ $bracket }`
    [missing-opener] 在第 { $line } 行末尾加上 `{ $fix }`
   *[other] 对照 docs/scenario-format.md 的例子检查这一行附近的括号、引号和逗号（详细：{ $detail }）
}
ky0002 = 不认识的字段 `{ $found }`
ky0002-help = 删除这一行，或改成 { $expected } 中的一个
ky0002-help-suggest = 是不是写错了？改成 `{ $suggestion }`
ky0003 = 缺少必填字段 `{ $field }`
ky0003-help = 在这里加上 `{ $field }: …`（含义见 docs/scenario-format.md）
ky0004 = 这里的值类型不对
ky0004-help = 按“应该是”一行的样子改写这个值；文字要加英文双引号，数字不加
ky0005 = 不认识的选项 `{ $found }`
ky0005-help = 改成 { $expected } 中的一个
ky0005-help-suggest = 是不是写错了？改成 `{ $suggestion }`
ky0006 = 无法读取这个文件：{ $reason }
ky0006-help = 确认文件存在、有读取权限
ky0007 = 字段 `{ $field }` 写了两次
ky0007-help = 删除其中一个
ky0009 = 这个文件不是能读的文字（没有用 UTF-8 或 Unicode 编码保存）
ky0009-help = 用记事本打开，点“另存为”，编码选“UTF-8”，再保存
ky0008 = { $kind ->
    [lone-brace] `{ $message }` 的句子里有一个 `{"{"}`，它开始了一个占位符，却没有结束
    [lone-close-brace] `{ $message }` 的句子里不能单独写 `{"}"}`
    [unindented] 这一行接着写 `{ $message }` 的句子，但开头没有空格
    [bad-name] `{ $found }` 不能当文字名
    [missing-equals] 文字名 `{ $found }` 后面少了 `=`
    [missing-text] 文字 `{ $message }` 没有句子
    [bad-escape] `{ $found }`（在 `{ $message }` 的句子里）后面要跟十六进制数字（0–9、A–F）
   *[other] 文字文件（.ftl）这里的写法有误
}
ky0008-help = { $kind ->
    [lone-brace] `{"{"}` 在句子里表示占位符；要显示这个符号请写成 { $escape }，或者删掉它
    [lone-close-brace] 要显示这个符号请写成 { $escape }，或者删掉它
    [unindented] 只有开头有空格的下一行才算接着上一句：在这一行开头加几个空格，或把它接到上一行末尾
    [bad-name] 文字名以英文字母开头，只用英文字母、数字、- 和 _（例如 hosp-step-1）
    [missing-equals] 写成 `{ $found } = 句子`
    [missing-text] 在 `=` 后面的同一行写上句子
    [bad-escape] 直接写这个字本身，或者把编码写完整，例如 {"\\"}u00A0
   *[other] 每条文字写成 “文字名 = 句子”，一条一行；长句子换行时，下一行开头要加空格
}
ky0101 = 编号 `{ $found }` 重复了
ky0101-help = 换一个新的编号。步骤之间、界面之间、物件之间的编号各不相同；同一个界面上的控件、图标和对话框按钮也各不相同（不同界面上可以重名）
ky0102 = 找不到界面 `{ $found }`
ky0102-help = 先在 screens 里声明这个界面，或改成已有界面的编号
ky0102-help-suggest = 是不是写错了？改成 `{ $suggestion }`
ky0103 = 界面 `{ $screen }` 上没有控件 `{ $found }`
ky0103-help = 把这个控件加到界面 `{ $screen }` 上，或改成界面上已有的编号
ky0103-help-suggest = 是不是写错了？改成 `{ $suggestion }`
ky0104 = 找不到场景物件 `{ $found }`
ky0104-help = 先在 stations 里声明这个物件，或改成已有物件的编号
ky0104-help-suggest = 是不是写错了？改成 `{ $suggestion }`
ky0105 = 找不到步骤 `{ $found }`
ky0105-help = 改成已有步骤的编号
ky0105-help-suggest = 是不是写错了？改成 `{ $suggestion }`
ky0106 = 文字 `{ $found }` 在 { $locale } 里没有
ky0106-help = { $kind ->
    [add] 在 { $file } 里加上这一行：{ $found } = …（{ $other } 里写的是“{ $text }”，请翻译过来）
   *[other] 在 locales/{ $locale }/ 的 .ftl 文件里加上一行：{ $found } = …
}
ky0106-help-suggest = 文字名是不是写错了？{ $locale } 里有 `{ $suggestion }`
ky0107 = 步骤 `{ $found }` 永远走不到
ky0107-help = 从前面某一步用 next 或 branches 指向它，或删除这一步
ky0108 = { $kind ->
    [circle] 每一步都做对的学员会一直绕圈：步骤 `{ $found }` 之后又回到 `{ $to }`
   *[other] 从步骤 `{ $found }` 出发走不到结尾
}
ky0108-help = { $kind ->
    [circle] 把这里的 next 改成往后的步骤，或在圈里某一步加上 end: true；分支只在学员选它时才走
   *[other] 让这一步（或它后面的步骤）最终走向最后一步，或加上 end: true
}
ky0109 = 提示只有 { $found } 条，至少要 { $expected } 条
ky0109-help = 在 hints 里补足三条提示：先温和地重说一遍，再说得更具体，最后手把手地说
ky0110 = { $kind ->
    [not-tappable] `{ $found }` 不能点
    [station] `{ $found }` 是场景物件，不是手机上的控件
    [not-field] `{ $found }` 不能输入文字
    [not-picker] `{ $found }` 不是日期、时段或照片选择
    [phone-station] `{ $found }` 是学员手里的手机，房间里不画它，点不到
    [hold] `{ $found }` 是“按住说话”按钮，要按住，不是点一下
    [not-hold] `{ $found }` 不是“按住说话”按钮
    [only-wrong] ReleasedEarly（松手太早）是一个错误动作，只能写在 wrong 里
    [only-step] { $found } 是一步要学员做的事（等一等），不能写在 wrong 或 branches 里
   *[other] 这个动作和 `{ $found }` 不匹配
}
ky0110-help = { $kind ->
    [not-tappable] 改成按钮、列表项、图标等可以点的控件
    [station] 改用 TapStation("{ $found }")
    [not-field] 改成输入框、验证码或密码键盘的编号
    [not-picker] 改成 DatePicker、TimeSlots 或 PhotoPicker 的编号
    [phone-station] 要学员拿起手机，请让这一步显示手机界面（camera: Phone, screen: "…"）并点界面上的控件；只是说明的话用 Acknowledge
    [hold] 改用 Hold(widget: "{ $found }", seconds: 2)
    [not-hold] 改成 HoldToTalk 的编号
    [only-step] 把等待写成单独的一步：action: Wait(5)
    [only-wrong] 这一步要学员做的写 Hold(widget: "…", seconds: 2)；松手太早时说的话写在 wrong: [ (when: ReleasedEarly("…"), say: "…") ]
   *[other] 对照 docs/scenario-format.md 的动作表修改
}
ky0111 = 这一步要操作手机，但没有指定界面
ky0111-help = 加上 screen: "界面编号"
ky0112 = 场景里没有步骤
ky0112-help = 在 steps: [ … ] 里至少写一步
ky0113 = 文字太小：{ $found } 像素，老年人至少需要 { $expected } 像素
ky0113-help = 把 text_size 改成 { $expected } 或更大，或删掉它使用默认大小
ky0114 = 可点区域太小：{ $field } 只有 { $found } 像素，至少要 { $expected } 像素
ky0114-help = 把 { $field } 改成 { $expected } 或更大，或删掉它使用默认大小
ky0115 = 文字和背景的对比度太低：{ $found }，至少要 { $expected }
ky0115-help = { $kind ->
    [screen] 这种中等灰色上，深色字和白色字都看不清：把界面背景改深一些（配白字）或浅一些（配深色字）
   *[other] 文字用更深的颜色或背景用更浅的颜色（例如深灰 #1A1A1A 配白色）
}
ky0116 = 颜色 `{ $found }` 写法不对
ky0116-help = 颜色写成 "#RRGGBB"，例如 "#1A1A1A"
ky0117 = 编号 `{ $found }` 写法不对
ky0117-help = 编号只用小写英文字母、数字和下划线，并以字母开头，例如 open_app
ky0118 = { $kind ->
    [bait-is-answer] 诈骗陷阱的诱饵 `{ $found }` 正是这一步要点的按钮
   *[bait-missing] 诈骗陷阱的诱饵 `{ $found }` 不在这一步的界面上
}
ky0118-help = { $kind ->
    [bait-is-answer] 这一步的 action 应该是拒绝（例如关闭按钮），bait 是上当的按钮
   *[bait-missing] bait 要写成这一步界面上一个可以点的按钮编号
}
ky0119 = 值 `{ $found }` 不合适
ky0119-help = 改成：{ $expected }
ky0120 = 这条纠错提示永远不会出现
ky0120-help = 它和正确动作（或某个分支）一样；改成学员可能做错的动作，或删掉
ky0121 = 场景编号 `{ $found }` 和文件名不一致
ky0121-help = 把 id 改成 "{ $expected }"，或把文件改名为 { $found }.ron
ky0122 = `{ $field }` 的值 { $found } 不合适
ky0122-help = 改成这样的值：{ $expected }
ky0123 = `{ $widget }` 里没有选项 `{ $found }`
ky0123-help = 改成这个选择器里已有的选项
ky0123-help-suggest = 是不是写错了？改成 `{ $suggestion }`
ky0124 = 同一个动作写了两次，无法决定走哪一条
ky0124-help = 每个分支的 when 要和正确动作以及其他分支都不同
ky0125 = 这个项目没有 { $locale } 的文字，而软件提供这种语言：学员会看到编号而不是文字
ky0125-help = 建立文件夹 { $dir }，放进这个场景的文字（可以复制另一种语言的 .ftl 文件再翻译）
ky0201 = { $locale } 缺少 { $count } 段语音，例如 `{ $found }`
ky0201-help = 字幕照常显示；用 `kuayue voice` 生成语音，或把真人录音放进 { $dir }
ky0205 = { $locale } 有 { $count } 段语音和文字对不上了，例如 `{ $found }`
ky0205-help = 语音做好以后文字又改过；运行 `kuayue voice` 重新生成（真人录音请重新录好放进 { $dir }）
ky0206 = 语音清单 { $found } 读不了：{ $reason }
ky0206-help = 运行 `kuayue voice` 会重新写一份；语音文件本身都保留
ky0202 = 界面 `{ $found }` 没有被任何步骤用到
ky0202-help = 在某一步写 screen: "{ $found }"，或删掉这个界面
ky0203 = 没有找到任何语言的文字文件：{ $found }
ky0203-help = 在 locales/zh-CN/ 和 locales/en-US/ 里放 .ftl 文件
ky0204 = 字体里没有这些字：{ $found }（{ $locale } 的 `{ $id }`）
ky0204-help = 屏幕上会显示成空方框；换一个常用字，或运行 tools/subset-font.py 把它加进字体
# kuayue voice
voice-skipped-file = `{ $file }` 读不进来，它的语音先跳过了；请用 kuayue check 检查这个文件
voice-manifest-broken = { $file } 读不了（{ $reason }），重新建一个
voice-rerecord = { $locale }：有 { $count } 段真人录音和现在的文字对不上了，请重新录：{ $ids }
voice-would = { $locale }：将生成 { $make } 段语音，登记 { $adopt } 段真人录音；{ $current } 段已是最新
voice-failed = `{ $id }` 没能生成：{ $reason }
voice-done = { $locale }：生成了 { $made } 段语音，登记了 { $adopt } 段真人录音，删掉了 { $removed } 段不再用的；{ $current } 段本来就是最新
voice-time = 用时 { $seconds } 秒
# kuayue play --step
play-no-such-step = 这个场景里没有叫 `{ $found }` 的步骤。可以用的步骤：{ $steps }
play-unreachable-step = 从第一步走不到 `{ $found }` 这一步（kuayue check 会说明原因）
# kuayue new
new-bad-id = `{ $found }` 不能当场景名字：只能用小写英文字母、数字和下划线，开头是字母，例如 pay_electricity
new-exists = { $file } 已经有了，什么也没改。换一个名字，或者直接打开它继续写
new-cannot-write = 写不了 { $file }：{ $reason }
new-done =
    新场景 { $id } 建好了：
      { $ron }   步骤和手机界面
      { $zh }   中文文字
      { $en }   英文文字
    下一步：
      1. 改场景名字和每一步的话（先改 { $zh }），再按您要教的事改步骤和界面
      2. 检查：kuayue check { $ron }
      3. 生成语音：kuayue voice
      4. 自己走一遍：kuayue play { $id }；看它自己演示：kuayue play { $id } --autoplay
    详细写法见 docs/authoring.md
project-not-found = 没有找到 kuayue 项目文件夹（里面有 scenarios/ 和 locales/ 的文件夹）。找过：{ $looked }。请在项目文件夹里启动 kuayue，或者用 --project 文件夹 或 KUAYUE_PROJECT 指定它。
project-not-folder = { $dir } 不是文件夹。请用 --project 文件夹 或 KUAYUE_PROJECT 指定项目文件夹（里面有 scenarios/ 和 locales/）。
project-titles-by-id = （没有找到项目文件夹，所以场景用编号表示。）
lang-unknown = 不认识的语言 `{ $found }`：请用 zh-CN、en-US，或者项目里 locales/<tag>/ 这样的语言文件夹（里面要有 app.ftl）
ky0207 = 这个文件用“Unicode”（UTF-16）编码保存；kuayue 能读，别的工具可能读不了
ky0207-help = 用记事本“另存为”，编码选“UTF-8”
ky0208 = 不认识的图标名 `{ $found }`
ky0208-help = 图标上会只显示文字；改成这些图标名中的一个：{ $expected }
ky0208-help-suggest = 是不是写错了？改成 `{ $suggestion }`
ky0209 = 不认识的图片名 `{ $found }`
ky0209-help = 这里只会显示一块灰色；改成这些图片名中的一个：{ $expected }
ky0209-help-suggest = 是不是写错了？改成 `{ $suggestion }`
ky0210 = `{ $found }` 没有可以显示 `shows` 的屏幕，这些字哪里都不会出现
ky0210-help = 只有叫号屏 `QueueScreen` 会显示；删掉 `shows`，或者把这些字写进这一步的提示里
