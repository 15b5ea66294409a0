<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AccountTexts</name>
    <message>
        <location filename="../../app/ui/users_view.py" line="40"/>
        <source>clerk</source>
        <translation>cán bộ số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="40"/>
        <source>supervisor</source>
        <translation>người kiểm tra</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="41"/>
        <source>signer</source>
        <translation>văn thư ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="41"/>
        <source>admin</source>
        <translation>quản trị</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="45"/>
        <source>Wrong user name or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="46"/>
        <source>This account is disabled. Ask the station&apos;s admin to enable it.</source>
        <translation>Tài khoản này đã bị khóa. Hãy nhờ quản trị viên của trạm mở khóa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="47"/>
        <source>You cannot disable your own account; another admin can.</source>
        <translation>Không thể tự khóa tài khoản của chính mình; quản trị viên khác có thể làm việc này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="48"/>
        <source>This is the last active admin: the station would have none. Add another admin first.</source>
        <translation>Đây là quản trị viên cuối cùng còn hoạt động: khóa đi thì trạm không còn ai quản trị. Hãy thêm một quản trị viên khác trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="50"/>
        <source>The password must have at least %2 characters.</source>
        <translation>Mật khẩu phải có ít nhất %2 ký tự.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="51"/>
        <source>The new password must differ from the current one.</source>
        <translation>Mật khẩu mới phải khác mật khẩu hiện tại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="52"/>
        <source>A user of that name exists already: choose another name.</source>
        <translation>Tên đăng nhập này đã có người dùng: hãy chọn tên khác.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../app/ui/users_view.py" line="106"/>
        <source>Add a user</source>
        <translation>Thêm người dùng</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="109"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="110"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="118"/>
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="135"/>
        <source>Type the user name.</source>
        <translation>Hãy nhập tên đăng nhập.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="137"/>
        <source>Tick at least one role.</source>
        <translation>Hãy chọn ít nhất một vai trò.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="168"/>
        <location filename="../../app/ui/backup_dialog.py" line="179"/>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="173"/>
        <source>Back up the catalog to a USB disk or external drive, encrypted with the office&apos;s passphrase. Keep two drives in separate places and back up to each every week.</source>
        <translation>Sao lưu kho lưu trữ ra ổ USB hoặc ổ cứng rời, mã hóa bằng cụm mật khẩu của cơ quan. Giữ hai ổ ở hai nơi riêng và sao lưu vào mỗi ổ hằng tuần.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="215"/>
        <source>Backing up</source>
        <translation>Đang sao lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="230"/>
        <source>Backup %1 written and verified: %2 documents, %3 new files.</source>
        <translation>Đã ghi và kiểm tra bản sao lưu %1: %2 tài liệu, %3 tệp mới.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="176"/>
        <source>Backup passphrase</source>
        <translation>Cụm mật khẩu sao lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="175"/>
        <source>Drive</source>
        <translation>Ổ sao lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="171"/>
        <source>Passphrase again (new drive)</source>
        <translation>Nhập lại cụm mật khẩu (ổ mới)</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="194"/>
        <source>Plug in the backup drive, or choose a folder.</source>
        <translation>Cắm ổ sao lưu, hoặc chọn một thư mục.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="201"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>Cụm mật khẩu cần ít nhất %1 ký tự.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="198"/>
        <source>The two passphrases differ.</source>
        <translation>Hai cụm mật khẩu không khớp nhau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="236"/>
        <source>The verification found damaged files: %1. Use another drive.</source>
        <translation>Kiểm tra thấy tệp bị hỏng: %1. Hãy dùng ổ khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="240"/>
        <source>This folder is on the station&apos;s own disk: it is not an independent copy.</source>
        <translation>Thư mục này nằm trên ổ đĩa của chính trạm: đây không phải bản sao độc lập.</translation>
    </message>
</context>
<context>
    <name>BackupWork</name>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="130"/>
        <source>Copying to the backup drive…</source>
        <translation>Đang chép sang ổ sao lưu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="142"/>
        <source>It did not finish: %1</source>
        <translation>Chưa xong: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="132"/>
        <source>Restoring and checking the catalog…</source>
        <translation>Đang khôi phục và kiểm tra kho lưu trữ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="152"/>
        <source>Stopping… the previous backup on the drive stays intact.</source>
        <translation>Đang dừng… bản sao lưu trước trên ổ vẫn nguyên vẹn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="131"/>
        <source>Verifying the backup…</source>
        <translation>Đang kiểm tra bản sao lưu…</translation>
    </message>
</context>
<context>
    <name>BatchKeeper</name>
    <message>
        <location filename="../../app/ui/scan/recovery.py" line="170"/>
        <source>These pages are open on another desk.</source>
        <translation>Các trang này đang mở ở một bàn làm việc khác.</translation>
    </message>
</context>
<context>
    <name>BulkTools</name>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="89"/>
        <source>Remove all blank pages…</source>
        <translation>Xóa tất cả trang trắng…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="90"/>
        <source>Split at separator sheets…</source>
        <translation>Tách tại tờ phân cách…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="91"/>
        <source>Find separator sheets, Patch-T sheets and pages that look like a document&apos;s first page</source>
        <translation>Tìm tờ phân cách, tờ Patch-T và các trang trông như trang đầu của một văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="110"/>
        <source>No page in the strip is flagged blank.</source>
        <translation>Không có trang nào trên dải trang được đánh dấu là trang trắng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="112"/>
        <source>Remove these %1 blank pages?</source>
        <translation>Xóa %1 trang trắng này?</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="114"/>
        <source>Every page in the strip is blank: the strip will be empty.</source>
        <translation>Mọi trang trên dải trang đều trắng: dải trang sẽ trống.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="115"/>
        <source>p. %1</source>
        <translation>tr. %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="116"/>
        <source>Remove blank pages</source>
        <translation>Xóa trang trắng</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="123"/>
        <source>%1 blank pages removed (Ctrl+Z brings them back).</source>
        <translation>Đã xóa %1 trang trắng (Ctrl+Z để lấy lại).</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="138"/>
        <source>Looking for separator sheets…</source>
        <translation>Đang tìm tờ phân cách…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="144"/>
        <source>No separator sheet, Patch-T sheet or first page found: split by hand with Ctrl+K.</source>
        <translation>Không tìm thấy tờ phân cách, tờ Patch-T hay trang đầu văn bản nào: hãy tách bằng tay với Ctrl+K.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="147"/>
        <source>separator sheet (removed)</source>
        <translation>tờ phân cách (sẽ bỏ)</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="148"/>
        <source>Patch-T sheet (removed)</source>
        <translation>tờ Patch-T (sẽ bỏ)</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="149"/>
        <source>looks like a first page</source>
        <translation>trông như trang đầu văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="150"/>
        <source>p. %1: %2</source>
        <translation>tr. %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="152"/>
        <source>A new document starts at each ticked page; a ticked separator or Patch-T sheet is removed. Untick what is wrong.</source>
        <translation>Mỗi trang được đánh dấu chọn sẽ bắt đầu một văn bản mới; tờ phân cách hay tờ Patch-T được chọn sẽ bị bỏ đi. Bỏ chọn những chỗ không đúng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="154"/>
        <source>Split into documents</source>
        <translation>Tách thành các văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="161"/>
        <source>The pages changed meanwhile: look for the splits again.</source>
        <translation>Các trang đã thay đổi trong lúc tìm: hãy tìm chỗ tách lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="166"/>
        <source>Every page is a separator sheet: no document would be left. Nothing was changed.</source>
        <translation>Mọi trang đều là tờ phân cách: sẽ không còn văn bản nào. Chưa thay đổi gì.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/bulk.py" line="172"/>
        <source>The strip now holds %1 documents: file them one after the other.</source>
        <translation>Dải trang giờ có %1 văn bản: hãy lưu lần lượt từng văn bản.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../app/ui/document_view.py" line="50"/>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="51"/>
        <source>Metadata</source>
        <translation>Siêu dữ liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="52"/>
        <source>Signature</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="53"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="72"/>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="72"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="79"/>
        <source>Signed on %1 (version %2 of the file).</source>
        <translation>Đã ký lúc %1 (phiên bản tệp thứ %2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="83"/>
        <source>Not signed yet (state: %1).</source>
        <translation>Chưa ký số (trạng thái: %1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="87"/>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="87"/>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="87"/>
        <source>What</source>
        <translation>Việc</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="87"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="101"/>
        <source>reason: %1</source>
        <translation>lý do: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="105"/>
        <source>file version %1, %2 pages (before: %3)</source>
        <translation>phiên bản tệp %1, %2 trang (trước đó: %3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="112"/>
        <source>fields: %1</source>
        <translation>các trường: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="114"/>
        <source>%1 pages checked</source>
        <translation>đã kiểm tra %1 trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="116"/>
        <source>%1 in hồ sơ %2</source>
        <translation>%1 trong hồ sơ %2</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../app/ui/index_form.py" line="100"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="102"/>
        <source>dd/mm/yyyy, mm/yyyy or yyyy</source>
        <translation>dd/mm/yyyy, mm/yyyy hoặc yyyy</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="142"/>
        <source>its diacritics were chosen by the dictionary on thin evidence</source>
        <translation>dấu thanh được chọn theo từ điển khi chữ in chưa rõ</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="143"/>
        <source>the OCR was unsure of some of its letters</source>
        <translation>máy đọc không chắc một số chữ</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="144"/>
        <source>the slash of the number was not read</source>
        <translation>không đọc được dấu gạch chéo của số</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="145"/>
        <source>the OCR nearly read some of its digits otherwise</source>
        <translation>máy đọc suýt đọc một số chữ số thành số khác</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="146"/>
        <source>the OCR nearly read the marks of a letter otherwise</source>
        <translation>máy đọc suýt đọc dấu của một chữ cái thành dấu khác</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="147"/>
        <source>the place name reads otherwise in the date line</source>
        <translation>tên địa danh ở dòng ngày tháng được đọc khác</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="148"/>
        <source>the letters of the number&apos;s type differ from the title&apos;s type by one letter</source>
        <translation>chữ viết tắt loại văn bản trong số, ký hiệu lệch một chữ so với tên loại ở tiêu đề</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="150"/>
        <source>a word of the issuing body&apos;s kind was not read</source>
        <translation>một chữ chỉ loại cơ quan ban hành không đọc được</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="151"/>
        <source>a word of thin strokes (I, l, T) may have lost a stroke</source>
        <translation>một chữ có nét mảnh (I, l, T) có thể bị mất nét</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="152"/>
        <source>a Roman numeral may have lost or gained a stroke</source>
        <translation>một số La Mã có thể bị mất hoặc thừa một nét</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="153"/>
        <source>a word is not a Vietnamese syllable: letters may be misread or lost</source>
        <translation>có chữ không phải âm tiết tiếng Việt: có thể đọc sai hoặc mất chữ cái</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="155"/>
        <source>a character that does not belong in such a line was read</source>
        <translation>đọc được một ký tự không thể có trong dòng này</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="156"/>
        <source>a word was read with a middling OCR score</source>
        <translation>có chữ được OCR đọc với độ tin cậy trung bình</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="157"/>
        <source>a line is off the title&apos;s centre: words may be lost (under a seal?)</source>
        <translation>một dòng lệch khỏi giữa tiêu đề: có thể mất chữ (bị dấu đè?)</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="159"/>
        <source>reading it again did not confirm it</source>
        <translation>đọc lại lần nữa vẫn không khẳng định được</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="160"/>
        <source>a second reading of a line spells a word differently</source>
        <translation>đọc lại một dòng thì có chữ được đọc khác</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="162"/>
        <source>another OCR model reads a word differently, and the dictionary cannot tell which is right</source>
        <translation>một mô hình nhận dạng khác đọc một chữ khác đi, và từ điển không phân định được cách đọc nào đúng</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="164"/>
        <source>the number after &quot;năm&quot; is not a year: a digit may be misread</source>
        <translation>số sau chữ &quot;năm&quot; không phải là một năm: có thể đã đọc sai một chữ số</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="167"/>
        <source>the page shows a mark over a word that was read without it</source>
        <translation>trang có một dấu phía trên một từ nhưng từ ấy được đọc thiếu dấu đó</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="169"/>
        <source>the word of the number goes on past what was read of it: a part may be misread</source>
        <translation>từ chứa số và ký hiệu còn kéo dài quá phần đã đọc được: có thể đã đọc sai một phần</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="171"/>
        <source>a word in capitals with diacritics stands among small words: its case may be misread</source>
        <translation>một từ viết hoa có dấu đứng giữa các từ viết thường: có thể đã đọc sai chữ hoa, chữ thường</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="173"/>
        <source>a capital letter read in mid-sentence has the shape of the page&apos;s own small letter: written small</source>
        <translation>một chữ giữa câu được đọc là chữ hoa nhưng có hình dạng chữ thường của chính trang này: đã ghi thành chữ thường</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="162"/>
        <source>the reading is doubtful</source>
        <translation>kết quả đọc chưa chắc chắn</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="168"/>
        <source>Suggestion: %1. Check it against the page, then press Enter to accept it or correct it</source>
        <translation>Gợi ý: %1. Đối chiếu với trang giấy, rồi nhấn Enter để chấp nhận hoặc sửa lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="173"/>
        <source>Read from the page: check it, then edit or press Enter</source>
        <translation>Đọc từ trang giấy: kiểm tra, sửa hoặc nhấn Enter để xác nhận</translation>
    </message>
    <message>
        <location filename="../../app/ui/index_form.py" line="200"/>
        <source>Not a real date; write it as dd/mm/yyyy</source>
        <translation>Ngày không có thật; viết theo dạng dd/mm/yyyy</translation>
    </message>
</context>
<context>
    <name>FilingPanel</name>
    <message>
        <location filename="../../app/ui/scan/filing.py" line="90"/>
        <source>Hồ sơ *</source>
        <translation>Hồ sơ *</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/filing.py" line="91"/>
        <source>New hồ sơ…</source>
        <translation>Tạo hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/filing.py" line="92"/>
        <source>Save and next (Enter)</source>
        <translation>Lưu và tiếp (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/filing.py" line="93"/>
        <source>Put the returned document back</source>
        <translation>Đóng văn bản bị trả lại (không lưu)</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/filing.py" line="94"/>
        <source>Shortcuts (F1)</source>
        <translation>Phím tắt (F1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/filing.py" line="95"/>
        <source>Sent back to me (double-click to correct or rescan)</source>
        <translation>Bị trả lại cho tôi (nháy đúp để sửa hoặc quét lại)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../app/ui/firstrun.py" line="71"/>
        <source>Restore from a backup…</source>
        <translation>Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="38"/>
        <source>Set up the station</source>
        <translation>Thiết lập trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="40"/>
        <source>This station has no organisation yet. Fill in the office and its first administrator.</source>
        <translation>Trạm chưa có cơ quan. Hãy nhập thông tin cơ quan và người quản trị đầu tiên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="55"/>
        <source>Use the demo scanner</source>
        <translation>Dùng máy quét mô phỏng</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="57"/>
        <source>Organisation name</source>
        <translation>Tên cơ quan</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="58"/>
        <source>Identifier code</source>
        <translation>Mã định danh</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="59"/>
        <source>Metadata profile</source>
        <translation>Mẫu siêu dữ liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="60"/>
        <source>Administrator user name</source>
        <translation>Tên đăng nhập quản trị</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="61"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="62"/>
        <source>Password (8 characters or more)</source>
        <translation>Mật khẩu (từ 8 ký tự)</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="63"/>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="87"/>
        <source>No scanner was found: use the demo scanner</source>
        <translation>Không tìm thấy máy quét: dùng máy quét mô phỏng</translation>
    </message>
    <message>
        <location filename="../../app/ui/firstrun.py" line="94"/>
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không khớp.</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <location filename="../../app/ui/health.py" line="88"/>
        <location filename="../../app/ui/health.py" line="167"/>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="103"/>
        <source>The station has not been checked yet.</source>
        <translation>Chưa kiểm tra trạm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="125"/>
        <source>Checking the station…</source>
        <translation>Đang kiểm tra trạm…</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="184"/>
        <source>OK</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="185"/>
        <source>Note</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="186"/>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="187"/>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="199"/>
        <source>For a technician: %1</source>
        <translation>Cho kỹ thuật viên: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="201"/>
        <source>What to do: %1</source>
        <translation>Cách khắc phục: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="203"/>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="203"/>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="204"/>
        <source>Open the Sign screen</source>
        <translation>Mở mục Ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="205"/>
        <source>Open the settings</source>
        <translation>Mở cài đặt</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="251"/>
        <source>%1 OK, %2 to note, %3 warnings, %4 problems.</source>
        <translation>%1 đạt, %2 thông tin, %3 cảnh báo, %4 lỗi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="258"/>
        <source>The station cannot work until the problems are fixed.</source>
        <translation>Trạm chưa làm việc được cho đến khi sửa xong các lỗi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/health.py" line="262"/>
        <source>The check could not run: %1</source>
        <translation>Không kiểm tra được: %1</translation>
    </message>
</context>
<context>
    <name>HosoDialog</name>
    <message>
        <location filename="../../app/ui/hoso_dialog.py" line="19"/>
        <source>New hồ sơ</source>
        <translation>Hồ sơ mới</translation>
    </message>
</context>
<context>
    <name>IndexForm</name>
    <message>
        <location filename="../../app/ui/index_form.py" line="278"/>
        <source>A suggestion: press Enter on it to accept it, or correct it</source>
        <translation>Đây là gợi ý: nhấn Enter tại ô này để chấp nhận, hoặc sửa lại</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="101"/>
        <source>Back up…</source>
        <translation>Sao lưu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="95"/>
        <source>Scanning station — %1 — %2</source>
        <translation>Trạm số hóa — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="47"/>
        <source>Scan and index</source>
        <translation>Quét và biên mục</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="51"/>
        <source>Review</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="55"/>
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="57"/>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="59"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="65"/>
        <source>Station health</source>
        <translation>Tình trạng trạm</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="102"/>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="168"/>
        <source>%1 pages are not filed yet: file or remove them before signing out.</source>
        <translation>Còn %1 trang chưa lưu: hãy lưu hoặc xóa trước khi đăng xuất.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="26"/>
        <source>The action could not be completed.</source>
        <translation>Không thực hiện được thao tác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="27"/>
        <source>This action is not allowed as asked.</source>
        <translation>Thao tác này không được phép theo cách đã yêu cầu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="28"/>
        <source>A file or value could not be used.</source>
        <translation>Không dùng được tệp hoặc giá trị đã nhập.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="29"/>
        <source>The device could not be used.</source>
        <translation>Không dùng được thiết bị.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="30"/>
        <source>A program the station needs is missing. Ask the administrator to check the station (Health tab).</source>
        <translation>Thiếu một chương trình mà trạm cần. Hãy nhờ quản trị viên kiểm tra trạm (thẻ Tình trạng trạm).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="35"/>
        <source>The result could not be written. Check the free disk space.</source>
        <translation>Không ghi được kết quả. Hãy kiểm tra dung lượng đĩa còn trống.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="38"/>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="47"/>
        <source>This catalog already has an organisation.</source>
        <translation>Kho lưu trữ này đã có cơ quan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="50"/>
        <source>The station is not set up yet (no organisation).</source>
        <translation>Trạm chưa được thiết lập (chưa có cơ quan).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="53"/>
        <source>The catalog database {path} is damaged. Leave it as it is; the administrator checks the station (Health tab) and restores the last backup.</source>
        <translation>Tệp dữ liệu {path} của kho lưu trữ bị hỏng. Hãy để nguyên; quản trị viên kiểm tra trạm (thẻ Tình trạng trạm) và phục hồi bản sao lưu gần nhất.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="59"/>
        <source>This catalog was written by a newer version of the station (schema {found}; this one knows up to {latest}). Install that version; nothing was changed.</source>
        <translation>Kho lưu trữ này do phiên bản mới hơn của trạm ghi (lược đồ {found}; phiên bản này chỉ biết đến {latest}). Hãy cài phiên bản đó; không có gì bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="65"/>
        <source>A user needs a name and at least one role.</source>
        <translation>Người dùng cần có tên và ít nhất một vai trò.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="66"/>
        <source>The password must have at least {min} characters.</source>
        <translation>Mật khẩu phải có ít nhất {min} ký tự.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="69"/>
        <source>The user {name} already exists.</source>
        <translation>Người dùng {name} đã tồn tại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="76"/>
        <source>Wrong user name or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="77"/>
        <source>There is no user {name}.</source>
        <translation>Không có người dùng {name}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="78"/>
        <source>The account {name} is disabled. Ask the station&apos;s administrator to enable it again.</source>
        <translation>Tài khoản {name} đã bị khóa. Hãy nhờ quản trị viên của trạm mở lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="82"/>
        <source>You cannot disable your own account; another administrator can.</source>
        <translation>Không thể tự khóa tài khoản của chính mình; một quản trị viên khác có thể làm việc này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="85"/>
        <source>{name} is the last enabled administrator: the station would have none. Add another administrator first.</source>
        <translation>{name} là quản trị viên cuối cùng còn hoạt động: trạm sẽ không còn ai quản trị. Hãy thêm một quản trị viên khác trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="90"/>
        <source>The new password must differ from the current one.</source>
        <translation>Mật khẩu mới phải khác mật khẩu hiện tại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="93"/>
        <source>{user} needs one of the roles {roles} for this.</source>
        <translation>{user} cần một trong các vai trò {roles} để làm việc này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="94"/>
        <source>The hồ sơ {code} already exists.</source>
        <translation>Hồ sơ {code} đã tồn tại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="95"/>
        <source>There is no hồ sơ {code}.</source>
        <translation>Không có hồ sơ {code}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="96"/>
        <source>There is no scan batch {batch}.</source>
        <translation>Không có lô quét {batch}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="97"/>
        <source>There is no document {doc}.</source>
        <translation>Không có văn bản {doc}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="98"/>
        <source>{doc} is {state}: its metadata can no longer change.</source>
        <translation>{doc} ở trạng thái {state}: không thể sửa siêu dữ liệu nữa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="101"/>
        <source>{doc} is {state}: its scan can no longer be replaced. A supervisor must send it back first.</source>
        <translation>{doc} ở trạng thái {state}: không thể thay bản quét nữa. Người kiểm tra phải trả lại văn bản trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="106"/>
        <source>{doc} is {state}: only an approved and signed document may be sent.</source>
        <translation>{doc} ở trạng thái {state}: chỉ văn bản đã duyệt và ký số mới được gửi đi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="109"/>
        <source>The filed document {path} cannot be read. Ask the administrator to check the catalog.</source>
        <translation>Không đọc được văn bản đã lưu {path}. Hãy nhờ quản trị viên kiểm tra kho lưu trữ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="113"/>
        <source>The saved page {path} cannot be read; rescan the page.</source>
        <translation>Không đọc được trang đã lưu {path}; hãy quét lại trang này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="116"/>
        <source>{doc} cannot go from “{from}” to “{to}”.</source>
        <translation>{doc} không thể chuyển từ “{from}” sang “{to}”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="117"/>
        <source>{doc}: making it “{to}” needs the role {roles}.</source>
        <translation>{doc}: chuyển sang “{to}” cần vai trò {roles}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="118"/>
        <source>Sending back needs a reason: say what the clerk must fix.</source>
        <translation>Trả lại cần có lý do: hãy nói rõ cán bộ số hóa phải sửa gì.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="121"/>
        <source>A state secret never leaves this machine by network.</source>
        <translation>Tài liệu bí mật nhà nước không bao giờ rời máy này qua mạng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="122"/>
        <source>{doc} is a state secret: it never leaves this machine by network. Hand it over on paper or by the approved secret channel.</source>
        <translation>{doc} là văn bản mật: không bao giờ rời máy này qua mạng. Hãy bàn giao bằng giấy hoặc qua kênh mật được phê duyệt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="128"/>
        <source>The hồ sơ {code} is marked secret: it never leaves this machine.</source>
        <translation>Hồ sơ {code} được đánh dấu mật: không bao giờ rời máy này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="131"/>
        <source>The metadata is not valid ({count} problems):
{problems}
Fix these fields and try again.</source>
        <translation>Siêu dữ liệu không hợp lệ ({count} lỗi):
{problems}
Hãy sửa các trường này rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="136"/>
        <source>{doc}: the newest file is not signed; there is nothing to extend.</source>
        <translation>{doc}: tệp mới nhất chưa được ký; không có gì để bổ sung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="139"/>
        <source>{path} is not a readable PDF. Choose the PDF/A the station wrote.</source>
        <translation>{path} không phải tệp PDF đọc được. Hãy chọn tệp PDF/A do trạm tạo ra.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="142"/>
        <source>{name} could not be stored. Check the free disk space in the catalog folder.</source>
        <translation>Không lưu được {name}. Hãy kiểm tra dung lượng còn trống trong thư mục dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="146"/>
        <source>There is no metadata profile {profile}.</source>
        <translation>Không có hồ sơ mẫu siêu dữ liệu {profile}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="147"/>
        <source>{path} already exists and is not empty. Choose a new folder.</source>
        <translation>{path} đã tồn tại và không trống. Hãy chọn thư mục mới.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="39"/>
        <location filename="../../app/ui/messages.py" line="150"/>
        <source>The folder {path} does not exist.</source>
        <translation>Thư mục {path} không tồn tại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="40"/>
        <source>The folder {path} cannot be written to. Ask the administrator for access.</source>
        <translation>Không ghi được vào thư mục {path}. Hãy nhờ quản trị viên cấp quyền.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="43"/>
        <source>{path} could not be written. Check the free disk space, then try again.</source>
        <translation>Không ghi được {path}. Hãy kiểm tra dung lượng đĩa còn trống rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="70"/>
        <source>The name {name} is reserved for the station itself; choose another.</source>
        <translation>Tên {name} được dành cho chính trạm; hãy chọn tên khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="73"/>
        <source>{name} is not an administrator; an administrator resets the password.</source>
        <translation>{name} không phải quản trị viên; việc đặt lại mật khẩu do quản trị viên làm.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="151"/>
        <source>Unknown export format {format}.</source>
        <translation>Không biết định dạng xuất {format}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="152"/>
        <source>The document numbers in the package are not 1…n ({number}).</source>
        <translation>Số thứ tự văn bản trong gói không liên tục từ 1 ({number}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="155"/>
        <source>The receipt is for another package than outbox item {item}.</source>
        <translation>Biên nhận thuộc về gói khác, không phải mục {item} trong hộp thư đi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="158"/>
        <source>The package is refused ({reason}); nothing was imported. Ask the sender for a package the station exported.</source>
        <translation>Gói dữ liệu bị từ chối ({reason}); không có gì được nhập. Hãy đề nghị bên gửi gửi gói do trạm xuất ra.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="164"/>
        <source>The passphrase does not open this backup set. Type the office&apos;s backup passphrase exactly (letters, accents and case count).</source>
        <translation>Cụm mật khẩu không mở được bộ sao lưu này. Hãy gõ đúng cụm mật khẩu sao lưu của cơ quan (chữ, dấu và chữ hoa/thường đều có ý nghĩa).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="170"/>
        <source>A backup passphrase needs at least {min} characters. Choose a longer phrase the office keeps in a safe place; it cannot be recovered.</source>
        <translation>Cụm mật khẩu sao lưu cần ít nhất {min} ký tự. Hãy chọn cụm dài hơn và cơ quan cất giữ ở nơi an toàn; không thể khôi phục nếu quên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="176"/>
        <source>This folder holds no backup set this program can read.</source>
        <translation>Thư mục này không chứa bộ sao lưu nào chương trình đọc được.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="179"/>
        <source>There is no backup set in {path}. Choose the folder that holds it (usually the drive itself).</source>
        <translation>Không có bộ sao lưu trong {path}. Hãy chọn thư mục chứa nó (thường là chính ổ đĩa).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="184"/>
        <source>The backup set is damaged. Restore an older backup, or use the other backup drive.</source>
        <translation>Bộ sao lưu bị hỏng. Hãy phục hồi bản sao lưu cũ hơn, hoặc dùng ổ sao lưu còn lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="188"/>
        <source>The backup set holds no finished backup. Run a backup to this drive first, or choose another drive.</source>
        <translation>Bộ sao lưu chưa có bản sao lưu hoàn chỉnh nào. Hãy sao lưu vào ổ này trước, hoặc chọn ổ khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="193"/>
        <source>The backup drive cannot be used. Check that it is plugged in and writable.</source>
        <translation>Không dùng được ổ sao lưu. Hãy kiểm tra ổ đã cắm và ghi được.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="196"/>
        <source>The backup drive is full ({path}). Use a larger drive, or a new one for this backup set; nothing was lost.</source>
        <translation>Ổ sao lưu đã đầy ({path}). Hãy dùng ổ lớn hơn, hoặc ổ mới cho bộ sao lưu này; không mất dữ liệu nào.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="201"/>
        <source>Cannot write to the backup drive {path}. Check that it is plugged in and not write-protected, then run the backup again. The previous backup on it is intact.</source>
        <translation>Không ghi được vào ổ sao lưu {path}. Hãy kiểm tra ổ đã cắm và không bị khóa ghi, rồi sao lưu lại. Bản sao lưu trước trên ổ vẫn nguyên vẹn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="207"/>
        <source>The backup folder {path} does not exist. Plug in the backup drive, then run the backup again.</source>
        <translation>Thư mục sao lưu {path} không tồn tại. Hãy cắm ổ sao lưu rồi sao lưu lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="212"/>
        <source>The backup folder {path} is not writable. Choose a folder on a drive you may write to.</source>
        <translation>Không ghi được vào thư mục sao lưu {path}. Hãy chọn thư mục trên ổ ghi được.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="217"/>
        <source>The catalog&apos;s file {path} is missing, so the backup stopped. Ask the administrator to check the catalog; the previous backup on the drive is untouched.</source>
        <translation>Thiếu tệp {path} của kho lưu trữ nên việc sao lưu đã dừng. Hãy nhờ quản trị viên kiểm tra kho lưu trữ; bản sao lưu trước trên ổ vẫn nguyên vẹn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="222"/>
        <source>The catalog&apos;s file {path} cannot be read, so the backup stopped. Ask the administrator to check the catalog; the previous backup on the drive is untouched.</source>
        <translation>Không đọc được tệp {path} của kho lưu trữ nên việc sao lưu đã dừng. Hãy nhờ quản trị viên kiểm tra kho lưu trữ; bản sao lưu trước trên ổ vẫn nguyên vẹn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="227"/>
        <source>Another backup is writing to {path} right now. Wait for it to finish, then run the backup again.</source>
        <translation>Một lần sao lưu khác đang ghi vào {path}. Hãy chờ xong rồi sao lưu lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="232"/>
        <source>There is no backup number {generation} in this set (kept: {kept}).</source>
        <translation>Bộ này không có bản sao lưu số {generation} (đang giữ: {kept}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="235"/>
        <source>{path} is a file, not a folder. Choose a new folder.</source>
        <translation>{path} là tệp, không phải thư mục. Hãy chọn thư mục mới.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="238"/>
        <source>The folder {path} is not empty. Restore into a new or empty folder; nothing in this one was touched.</source>
        <translation>Thư mục {path} không trống. Hãy phục hồi vào thư mục mới hoặc trống; không có gì trong thư mục này bị đụng đến.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="244"/>
        <source>The scanners could not be listed. Check the scanner set-up (Health tab).</source>
        <translation>Không liệt kê được máy quét. Hãy kiểm tra cài đặt máy quét (thẻ Tình trạng trạm).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="247"/>
        <source>The scanner {device} could not be opened. Check that it is on and connected.</source>
        <translation>Không mở được máy quét {device}. Hãy kiểm tra máy đã bật và đã kết nối.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="251"/>
        <source>The scanner driver was restarted. Scan again.</source>
        <translation>Trình điều khiển máy quét đã được khởi động lại. Hãy quét lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="254"/>
        <source>The document feeder is empty. Put the paper in the feeder and scan again.</source>
        <translation>Khay nạp giấy trống. Hãy đặt giấy vào khay rồi quét lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="257"/>
        <source>The scanner refused the setting {option} = {value}.</source>
        <translation>Máy quét không nhận thiết lập {option} = {value}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="260"/>
        <source>The scan stopped after {pages} pages; they are kept. Scan the sheets not yet scanned.</source>
        <translation>Việc quét dừng sau {pages} trang; các trang này được giữ lại. Hãy quét những tờ chưa quét.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="264"/>
        <source>The paper jammed in the feeder after {pages} pages; they are kept. Remove the jammed sheet, then scan the sheets not yet scanned.</source>
        <translation>Giấy bị kẹt trong khay nạp sau {pages} trang; các trang này được giữ lại. Hãy gỡ tờ bị kẹt rồi quét những tờ chưa quét.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="270"/>
        <source>The scanner cover is open ({pages} pages kept). Close it, then scan the sheets not yet scanned.</source>
        <translation>Nắp máy quét đang mở (đã giữ {pages} trang). Hãy đóng nắp rồi quét những tờ chưa quét.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="275"/>
        <source>The scanner stopped answering after {pages} pages; they are kept. Check the cable and power, then scan the sheets not yet scanned.</source>
        <translation>Máy quét ngừng phản hồi sau {pages} trang; các trang này được giữ lại. Hãy kiểm tra cáp và nguồn điện rồi quét những tờ chưa quét.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="280"/>
        <source>The scanner is busy. Close other scanning programs, wait a moment and try again.</source>
        <translation>Máy quét đang bận. Hãy đóng các chương trình quét khác, chờ một lát rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="284"/>
        <source>The scan was cancelled on the scanner after {pages} pages; they are kept.</source>
        <translation>Việc quét bị hủy trên máy quét sau {pages} trang; các trang này được giữ lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="287"/>
        <source>Access to the scanner was denied. Ask the administrator to give this user access to the scanner.</source>
        <translation>Không được phép dùng máy quét. Hãy nhờ quản trị viên cấp quyền dùng máy quét cho người dùng này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="292"/>
        <source>The scanner driver ran out of memory. Use a lower resolution or a smaller page size.</source>
        <translation>Trình điều khiển máy quét hết bộ nhớ. Hãy dùng độ phân giải thấp hơn hoặc khổ giấy nhỏ hơn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="296"/>
        <source>The scanner reported an error after {pages} pages ({detail}); they are kept. Check the scanner, then scan the sheets not yet scanned.</source>
        <translation>Máy quét báo lỗi sau {pages} trang ({detail}); các trang này được giữ lại. Hãy kiểm tra máy quét rồi quét những tờ chưa quét.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="302"/>
        <source>The scanner stopped responding. The pages already received are kept. Check the scanner&apos;s cable and power, then try again.</source>
        <translation>Máy quét ngừng phản hồi. Các trang đã nhận vẫn được giữ. Kiểm tra cáp và nguồn điện của máy quét, rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="307"/>
        <source>The scanner stopped responding after {pages} pages; they are kept. Check the scanner&apos;s cable and power, then try again.</source>
        <translation>Máy quét ngừng phản hồi sau {pages} trang; các trang này được giữ lại. Hãy kiểm tra cáp và nguồn điện của máy quét rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="312"/>
        <source>The scanner driver failed ({detail}). Check the cable and power, then scan again.</source>
        <translation>Trình điều khiển máy quét bị lỗi ({detail}). Hãy kiểm tra cáp và nguồn điện rồi quét lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="316"/>
        <source>The scanner did not answer within {seconds} s and its driver was stopped. Check the cable and power, then scan again; the pages already received are kept.</source>
        <translation>Máy quét không phản hồi trong {seconds} giây nên trình điều khiển đã bị dừng. Hãy kiểm tra cáp và nguồn điện rồi quét lại; các trang đã nhận vẫn được giữ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="322"/>
        <source>The scanner {device} is not known; choose one from the list.</source>
        <translation>Không biết máy quét {device}; hãy chọn một máy trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="325"/>
        <source>The scanner {device} cannot scan at {dpi} dpi; choose from {min} to {max} dpi.</source>
        <translation>Máy quét {device} không quét được ở {dpi} dpi; hãy chọn từ {min} đến {max} dpi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="329"/>
        <source>The scanner {device} has no such colour mode ({mode}).</source>
        <translation>Máy quét {device} không có chế độ màu này ({mode}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="332"/>
        <source>The scanner {device} has no such paper source ({source}).</source>
        <translation>Máy quét {device} không có nguồn giấy này ({source}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="335"/>
        <source>The scanner {device} cannot scan both sides this way: use its document feeder, or scan one side.</source>
        <translation>Máy quét {device} không quét hai mặt theo cách này được: hãy dùng khay nạp giấy, hoặc quét một mặt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="340"/>
        <source>The number of pages must be at least 1.</source>
        <translation>Số trang phải từ 1 trở lên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="341"/>
        <source>The page size is not a page.</source>
        <translation>Khổ giấy không hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="342"/>
        <source>The page is larger than what the scanner {device} can scan (up to {width}×{height} mm).</source>
        <translation>Trang lớn hơn khổ máy quét {device} quét được (tối đa {width}×{height} mm).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="347"/>
        <source>Scanner support (SANE) is missing on this computer. Ask the administrator to install it, or use the demo scanner.</source>
        <translation>Máy tính này thiếu phần hỗ trợ máy quét (SANE). Hãy nhờ quản trị viên cài đặt, hoặc dùng máy quét thử.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="352"/>
        <source>Scanner support (SANE) could not start. Ask the administrator to check the station (Health tab).</source>
        <translation>Phần hỗ trợ máy quét (SANE) không khởi động được. Hãy nhờ quản trị viên kiểm tra trạm (thẻ Tình trạng trạm).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="358"/>
        <source>Tesseract (text recognition) is not installed. Ask the administrator to install it, or choose “No OCR” in Settings.</source>
        <translation>Chưa cài Tesseract (nhận dạng chữ). Hãy nhờ quản trị viên cài đặt, hoặc chọn “Không nhận dạng chữ” trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="363"/>
        <source>Tesseract {version} is too old for the station. Ask the administrator to update it.</source>
        <translation>Tesseract {version} quá cũ đối với trạm. Hãy nhờ quản trị viên cập nhật.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="367"/>
        <source>Tesseract has no model for {languages}. Ask the administrator to install it.</source>
        <translation>Tesseract không có mô hình cho {languages}. Hãy nhờ quản trị viên cài đặt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="371"/>
        <source>Text recognition failed on a page. Ask the administrator to check the station (Health tab).</source>
        <translation>Nhận dạng chữ bị lỗi ở một trang. Hãy nhờ quản trị viên kiểm tra trạm (thẻ Tình trạng trạm).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="376"/>
        <source>Text recognition took longer than {seconds} s on one page. Check the page image.</source>
        <translation>Nhận dạng chữ một trang mất hơn {seconds} giây. Hãy kiểm tra ảnh trang.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="381"/>
        <source>The signing token cannot be used.</source>
        <translation>Không dùng được token ký số.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="382"/>
        <source>This certificate may not sign.</source>
        <translation>Chứng thư số này không được dùng để ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="383"/>
        <source>The document cannot be signed.</source>
        <translation>Không ký được văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="384"/>
        <source>The chosen token or certificate was not found.</source>
        <translation>Không tìm thấy token hoặc chứng thư số đã chọn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="385"/>
        <source>The station is offline: revocation data or a timestamp could not be fetched; the file was left as it was.</source>
        <translation>Trạm đang mất kết nối: không lấy được dữ liệu thu hồi hoặc dấu thời gian; tệp được giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="390"/>
        <source>Signing was cancelled.</source>
        <translation>Đã hủy ký số.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="391"/>
        <source>The token {label} is locked: its PIN was entered wrongly too many times. Nothing was signed or changed. Ask whoever manages the office&apos;s token (its security officer, who holds the SO PIN or PUK) to unblock it, or the certification authority; then sign again.</source>
        <translation>Token {label} đã bị khóa do nhập sai mã PIN quá số lần cho phép. Chưa có văn bản nào được ký hay bị thay đổi. Hãy nhờ người quản lý token của cơ quan (người giữ mã SO PIN hoặc PUK) mở khóa token, hoặc liên hệ nhà cung cấp chứng thư số; sau đó ký lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="398"/>
        <source>The token&apos;s driver {path} cannot be loaded. Reinstall the token&apos;s driver, or choose the one that matches this token.</source>
        <translation>Không nạp được trình điều khiển token {path}. Hãy cài lại trình điều khiển token, hoặc chọn trình điều khiển đúng với token này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="403"/>
        <source>The token&apos;s driver {path} was not found. Install the token&apos;s driver from its CA.</source>
        <translation>Không tìm thấy trình điều khiển token {path}. Hãy cài trình điều khiển token của nhà cung cấp chữ ký số.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="407"/>
        <source>No token driver of a known Vietnamese CA was found on this computer. Install the token&apos;s driver.</source>
        <translation>Máy tính này không có trình điều khiển token của nhà cung cấp chữ ký số nào đã biết. Hãy cài trình điều khiển token.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="412"/>
        <source>The token was removed or its session closed. Insert the token and sign the remaining documents again.</source>
        <translation>Token đã bị rút ra hoặc phiên làm việc đã đóng. Hãy cắm token rồi ký lại các văn bản còn lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="417"/>
        <source>No token labelled {label} is plugged in (tokens present: {present}).</source>
        <translation>Không thấy token có nhãn {label} (token đang cắm: {present}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="420"/>
        <source>Wrong PIN for the token &apos;{label}&apos;; it was not retried: {tries}. Check the PIN and sign again: a token locks after a few wrong PINs.</source>
        <translation>Sai mã PIN của token &apos;{label}&apos;; không thử lại tự động: {tries}. Hãy kiểm tra mã PIN rồi ký lại: token sẽ bị khóa sau vài lần nhập sai.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="425"/>
        <source>Choose one signing certificate on the token {label}.</source>
        <translation>Hãy chọn một chứng thư số để ký trên token {label}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="428"/>
        <source>The certificate {subject} expired on {date}. Renew it with the CA, or choose another one.</source>
        <translation>Chứng thư số {subject} đã hết hạn ngày {date}. Hãy gia hạn với nhà cung cấp, hoặc chọn chứng thư khác.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="433"/>
        <source>The certificate {subject} is not valid before {date}. Check the computer&apos;s clock.</source>
        <translation>Chứng thư số {subject} chưa có hiệu lực trước ngày {date}. Hãy kiểm tra đồng hồ của máy tính.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="437"/>
        <source>The certificate {subject} is not for signing. Choose the token&apos;s signing certificate.</source>
        <translation>Chứng thư số {subject} không dùng để ký. Hãy chọn chứng thư ký số của token.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="441"/>
        <source>{name} is not a PDF/A-2 file; it was not signed.</source>
        <translation>{name} không phải tệp PDF/A-2; tệp không được ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="444"/>
        <source>The file {path} cannot be read; it was not signed.</source>
        <translation>Không đọc được tệp {path}; tệp không được ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="447"/>
        <source>Page 1 of {name} has no free place for the signature box. Check the scan.</source>
        <translation>Trang 1 của {name} không còn chỗ trống để đặt ô chữ ký. Hãy kiểm tra bản quét.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="450"/>
        <source>The newly signed copy did not verify; nothing was written. Try again; if it repeats, the token may be faulty.</source>
        <translation>Bản vừa ký không kiểm tra được; không ghi tệp nào. Hãy thử lại; nếu vẫn lỗi, token có thể bị hỏng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="456"/>
        <source>Sending to the server failed.</source>
        <translation>Gửi lên máy chủ không thành công.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="457"/>
        <source>The server cannot be reached now; the documents stay in the outbox and are sent later.</source>
        <translation>Hiện không kết nối được máy chủ; văn bản vẫn nằm trong hộp thư đi và sẽ được gửi sau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="462"/>
        <source>The server refused a package; sending it again will not help. Ask the server administrator.</source>
        <translation>Máy chủ từ chối một gói; gửi lại cũng không được. Hãy hỏi quản trị viên máy chủ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="467"/>
        <source>Nothing can be sent until the station&apos;s sync set-up is fixed. Ask the administrator.</source>
        <translation>Không gửi được gì cho đến khi cài đặt đồng bộ của trạm được sửa. Hãy nhờ quản trị viên.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="471"/>
        <source>The server refused the station&apos;s credential. Ask the server administrator for a new enrolment code.</source>
        <translation>Máy chủ từ chối thông tin xác thực của trạm. Hãy xin quản trị viên máy chủ mã đăng ký mới.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="476"/>
        <source>The server&apos;s certificate is not one this station trusts; nothing was sent. Ask the administrator for the server&apos;s CA certificate.</source>
        <translation>Chứng thư của máy chủ không được trạm này tin cậy; không có gì được gửi. Hãy xin quản trị viên chứng thư gốc (CA) của máy chủ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="513"/>
        <source>colour</source>
        <translation>màu</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="514"/>
        <source>greyscale</source>
        <translation>thang xám</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="515"/>
        <source>black and white</source>
        <translation>đen trắng</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="516"/>
        <source>flatbed</source>
        <translation>mặt kính</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="517"/>
        <source>document feeder</source>
        <translation>khay nạp giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="525"/>
        <source>the token is locked</source>
        <translation>token đã bị khóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="526"/>
        <source>one try is left before the token locks</source>
        <translation>chỉ còn một lần thử trước khi token bị khóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="527"/>
        <source>the token reports that few tries are left</source>
        <translation>token báo chỉ còn ít lần thử</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="529"/>
        <source>the token does not say how many tries are left</source>
        <translation>token không cho biết còn bao nhiêu lần thử</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="552"/>
        <source>Something went wrong (%1). The details are in the log.</source>
        <translation>Đã xảy ra lỗi (%1). Chi tiết có trong nhật ký.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="562"/>
        <source>The action could not be completed (code %1).</source>
        <translation>Không thực hiện được thao tác (mã %1).</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../app/ui/names.py" line="11"/>
        <source>scanned</source>
        <translation>đã quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="12"/>
        <source>indexed</source>
        <translation>đã biên mục</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="13"/>
        <source>approved</source>
        <translation>đã duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="14"/>
        <source>rejected</source>
        <translation>bị trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="15"/>
        <location filename="../../app/ui/names.py" line="39"/>
        <source>signed</source>
        <translation>đã ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="16"/>
        <source>synced</source>
        <translation>đã gửi lên</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="24"/>
        <source>clerk</source>
        <translation>cán bộ số hóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="25"/>
        <source>supervisor</source>
        <translation>người kiểm tra</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="26"/>
        <source>signer</source>
        <translation>văn thư ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="27"/>
        <source>administrator</source>
        <translation>quản trị viên</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="35"/>
        <source>filed</source>
        <translation>lưu vào kho</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="36"/>
        <source>metadata corrected</source>
        <translation>sửa siêu dữ liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="37"/>
        <source>state changed</source>
        <translation>đổi trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="38"/>
        <source>rescanned (new file version)</source>
        <translation>quét lại (phiên bản tệp mới)</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="40"/>
        <source>sent upward</source>
        <translation>gửi lên cấp trên</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="41"/>
        <source>page checks recorded</source>
        <translation>ghi nhận kiểm tra trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="42"/>
        <source>imported</source>
        <translation>nhập từ gói</translation>
    </message>
    <message>
        <location filename="../../app/ui/names.py" line="43"/>
        <source>kept back from sync</source>
        <translation>giữ lại, không gửi lên</translation>
    </message>
</context>
<context>
    <name>PagePane</name>
    <message>
        <location filename="../../app/ui/scan/pane.py" line="59"/>
        <source>Show the cleaned page</source>
        <translation>Xem trang đã làm sạch</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/pane.py" line="60"/>
        <source>Show the raw scan (crop by its corners)</source>
        <translation>Xem bản quét gốc (cắt theo các góc)</translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <location filename="../../app/ui/scan/strip.py" line="127"/>
        <source>A new document starts here</source>
        <translation>Văn bản mới bắt đầu từ trang này</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/strip.py" line="147"/>
        <source>blank</source>
        <translation>trang trắng</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/strip.py" line="148"/>
        <source>skew</source>
        <translation>nghiêng</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/strip.py" line="149"/>
        <source>low dpi</source>
        <translation>độ phân giải thấp</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/strip.py" line="150"/>
        <source>cut off</source>
        <translation>bị cắt</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/strip.py" line="151"/>
        <source>no edge</source>
        <translation>không thấy mép giấy</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/strip.py" line="152"/>
        <source>blurry</source>
        <translation>mờ</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/strip.py" line="153"/>
        <source>upright? (Ctrl+U turns it over)</source>
        <translation>trang có ngược không? (Ctrl+U để xoay 180°)</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/strip.py" line="155"/>
        <source>Doc %1 · p. %2</source>
        <translation>VB %1 · tr. %2</translation>
    </message>
</context>
<context>
    <name>PageTools</name>
    <message>
        <location filename="../../app/ui/scan/tools.py" line="55"/>
        <source>⟲ Rotate left</source>
        <translation>⟲ Xoay trái</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/tools.py" line="55"/>
        <source>⟳ Rotate right</source>
        <translation>⟳ Xoay phải</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/tools.py" line="55"/>
        <source>◀ Move</source>
        <translation>◀ Dời về trước</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/tools.py" line="56"/>
        <source>Delete page</source>
        <translation>Xóa trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/tools.py" line="56"/>
        <source>Move ▶</source>
        <translation>Dời ra sau ▶</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/tools.py" line="57"/>
        <source>Rescan page</source>
        <translation>Quét lại trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/tools.py" line="57"/>
        <source>Insert page</source>
        <translation>Chèn trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/tools.py" line="57"/>
        <source>Split / merge here</source>
        <translation>Tách / gộp tại đây</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/tools.py" line="58"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/tools.py" line="75"/>
        <source>Select one or more pages in the strip first (Shift or Ctrl + click, Ctrl+A for all).</source>
        <translation>Hãy chọn một hoặc nhiều trang trên dải trang trước (Shift hoặc Ctrl + nhấp chuột, Ctrl+A để chọn tất cả).</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <location filename="../../app/ui/viewer.py" line="118"/>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <location filename="../../app/ui/viewer.py" line="118"/>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <location filename="../../app/ui/viewer.py" line="119"/>
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/viewer.py" line="119"/>
        <source>Fit width</source>
        <translation>Vừa chiều ngang</translation>
    </message>
    <message>
        <location filename="../../app/ui/viewer.py" line="230"/>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <location filename="../../app/ui/users_view.py" line="85"/>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="86"/>
        <source>Repeat the new password</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="94"/>
        <source>The password must have at least %1 characters.</source>
        <translation>Mật khẩu phải có ít nhất %1 ký tự.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="97"/>
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không khớp.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../app/ui/scan/recovery.py" line="89"/>
        <source>Unsaved pages</source>
        <translation>Trang chưa lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/recovery.py" line="90"/>
        <source>Restore %1 unsaved pages</source>
        <translation>Khôi phục %1 trang chưa lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/recovery.py" line="91"/>
        <source>The desk stopped on %1 before these pages were filed. Restore puts them back in the strip in their order, with their crops, rotations and document boundaries. Discard deletes them for good.</source>
        <translation>Chương trình đã dừng lúc %1 khi các trang này chưa được lưu. «Khôi phục» đưa chúng trở lại dải trang theo đúng thứ tự, giữ nguyên vùng cắt, hướng xoay và ranh giới văn bản. «Bỏ đi» xóa hẳn các trang này.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/recovery.py" line="99"/>
        <source>%1 pages could not be recovered: their image files are missing or damaged. Scan them again.</source>
        <translation>Không khôi phục được %1 trang: tệp ảnh bị mất hoặc bị hỏng. Hãy quét lại các trang đó.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/recovery.py" line="103"/>
        <source>%1 entries of the batch&apos;s journal were damaged and skipped: check the pages&apos; order and crops before filing.</source>
        <translation>%1 mục trong nhật ký của lô quét bị hỏng và đã được bỏ qua: hãy kiểm tra thứ tự và vùng cắt của các trang trước khi lưu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/recovery.py" line="111"/>
        <source>Doc %1 · p. %2</source>
        <translation>VB %1 · tr. %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/recovery.py" line="113"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/recovery.py" line="114"/>
        <source>Discard</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/recovery.py" line="115"/>
        <source>Decide later</source>
        <translation>Để sau</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="24"/>
        <source>Send back %1</source>
        <translation>Trả lại %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="25"/>
        <source>Pages blurred or hard to read</source>
        <translation>Trang mờ, khó đọc</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="25"/>
        <source>Pages missing</source>
        <translation>Thiếu trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="26"/>
        <source>Page skewed or cut off</source>
        <translation>Trang bị lệch hoặc bị cắt mất</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="26"/>
        <source>Pages in the wrong order</source>
        <translation>Sai thứ tự trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="27"/>
        <source>Blank pages left in</source>
        <translation>Còn trang trắng</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="28"/>
        <source>Metadata wrong (number, date, subject)</source>
        <translation>Sai thông tin (số, ngày, trích yếu)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="31"/>
        <source>e.g. 2, 5</source>
        <translation>ví dụ: 2, 5</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="33"/>
        <source>Anything else the clerk must fix</source>
        <translation>Điều khác văn thư cần sửa</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="40"/>
        <source>What must the clerk fix?</source>
        <translation>Văn thư cần sửa gì?</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="44"/>
        <source>Pages concerned (optional)</source>
        <translation>Các trang liên quan (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reject_dialog.py" line="60"/>
        <source>(pages %1)</source>
        <translation>(trang %1)</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../app/ui/users_view.py" line="149"/>
        <source>Reset the password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="151"/>
        <source>A temporary password for %1. They must choose their own at the next sign-in.</source>
        <translation>Mật khẩu tạm thời cho %1. Lần đăng nhập tới, người này phải tự đặt mật khẩu mới.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="254"/>
        <source>Backup passphrase</source>
        <translation>Cụm mật khẩu sao lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="251"/>
        <source>Choose the backup drive of the old station and type the office&apos;s backup passphrase. The catalog is restored and checked before it is used.</source>
        <translation>Chọn ổ sao lưu của trạm cũ và nhập cụm mật khẩu sao lưu của cơ quan. Kho lưu trữ được khôi phục và kiểm tra trước khi dùng.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="253"/>
        <source>Drive</source>
        <translation>Ổ sao lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="262"/>
        <source>No backup was found there: choose the drive that holds the scanstation-backup folder.</source>
        <translation>Không thấy bản sao lưu ở đó: hãy chọn ổ có thư mục scanstation-backup.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="256"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="249"/>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="280"/>
        <source>Restored: %1 documents. Sign in with the old station&apos;s accounts.</source>
        <translation>Đã khôi phục: %1 tài liệu. Đăng nhập bằng tài khoản của trạm cũ.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../app/ui/review.py" line="119"/>
        <source>All clerks</source>
        <translation>Tất cả cán bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="120"/>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="121"/>
        <source>Awaiting review only</source>
        <translation>Chỉ tài liệu chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="122"/>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="122"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="122"/>
        <location filename="../../app/ui/review.py" line="126"/>
        <source>Clerk</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="126"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="126"/>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="126"/>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="127"/>
        <source>Filed</source>
        <translation>Ngày lưu</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="127"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="127"/>
        <source>Needs a look</source>
        <translation>Cần xem lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="130"/>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="131"/>
        <source>Approve the selected documents and go to the next (Ctrl+Enter)</source>
        <translation>Duyệt các tài liệu đã chọn rồi sang tài liệu sau (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="133"/>
        <source>Reject…</source>
        <translation>Trả lại…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="164"/>
        <source>Loading the batch…</source>
        <translation>Đang tải lô tài liệu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="168"/>
        <source>blank or missing page</source>
        <translation>trang trắng hoặc thiếu trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="169"/>
        <source>page count differs from the sheets keyed</source>
        <translation>số trang khác số đã nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="170"/>
        <source>low quality</source>
        <translation>chất lượng thấp</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="171"/>
        <source>missing metadata</source>
        <translation>thiếu siêu dữ liệu</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="172"/>
        <source>rescanned after being sent back</source>
        <translation>đã quét lại sau khi bị trả về</translation>
    </message>
    <message>
        <location filename="../../app/ui/review.py" line="197"/>
        <source>%1: %2 pages, %3 documents, %4 rejections</source>
        <translation>%1: %2 trang, %3 văn bản, %4 lần trả lại</translation>
    </message>
</context>
<context>
    <name>ScanControls</name>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="85"/>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="86"/>
        <source>Grey</source>
        <translation>Xám</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="87"/>
        <source>Feeder (ADF)</source>
        <translation>Khay nạp giấy (ADF)</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="88"/>
        <source>Flatbed</source>
        <translation>Mặt kính</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="89"/>
        <source>Both sides</source>
        <translation>Hai mặt</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="90"/>
        <source>Scan (F5)</source>
        <translation>Quét (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="91"/>
        <source>Try the scanner again</source>
        <translation>Thử lại máy quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="92"/>
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="93"/>
        <source>Profile</source>
        <translation>Cấu hình quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="151"/>
        <source>Scanning…</source>
        <translation>Đang quét…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/controls.py" line="175"/>
        <source>The scanner stopped responding. The pages already received are kept. Check the scanner&apos;s cable and power, then try again.</source>
        <translation>Máy quét ngừng phản hồi. Các trang đã nhận vẫn được giữ. Kiểm tra cáp và nguồn điện của máy quét, rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>ScanView</name>
    <message>
        <location filename="../../app/ui/scan/view.py" line="170"/>
        <source>File or delete the pages in the strip first, then open the returned document.</source>
        <translation>Hãy lưu hoặc xóa các trang đang có trên dải trang trước, rồi mới mở văn bản bị trả lại.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/view.py" line="176"/>
        <source>Correcting %1 — sent back: %2. Rescan or fix pages, correct the fields, then save.</source>
        <translation>Đang sửa %1 — lý do trả lại: %2. Quét lại hoặc chỉnh trang, sửa các trường, rồi lưu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/view.py" line="185"/>
        <source>Opening the returned document…</source>
        <translation>Đang mở văn bản bị trả lại…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/view.py" line="211"/>
        <source>Choose or create the hồ sơ first.</source>
        <translation>Hãy chọn hoặc tạo hồ sơ trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/view.py" line="214"/>
        <source>Fix the fields marked in red.</source>
        <translation>Hãy sửa các trường báo đỏ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/view.py" line="221"/>
        <source>A document needs at least one page: scan it again, or put it back.</source>
        <translation>Văn bản cần ít nhất một trang: hãy quét lại, hoặc đóng văn bản (không lưu).</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/view.py" line="234"/>
        <source>Scan the pages first.</source>
        <translation>Hãy quét trang trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/view.py" line="245"/>
        <source>Filing the document…</source>
        <translation>Đang lưu văn bản…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scan/view.py" line="252"/>
        <source>Filed as %1.</source>
        <translation>Đã lưu thành %1.</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../app/ui/search_view.py" line="99"/>
        <source>Words from the text or the metadata (marks optional)</source>
        <translation>Từ trong nội dung hoặc siêu dữ liệu (có thể gõ không dấu)</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="101"/>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="102"/>
        <source>Any type</source>
        <translation>Mọi loại văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="103"/>
        <source>Any state</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="106"/>
        <source>Issued from</source>
        <translation>Ban hành từ</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="107"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="109"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="109"/>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="109"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="109"/>
        <source>Issued</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="110"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_view.py" line="145"/>
        <source>%1 documents found</source>
        <translation>Tìm thấy %1 văn bản</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../app/ui/settings_view.py" line="80"/>
        <source>Tesseract (Vietnamese)</source>
        <translation>Tesseract (tiếng Việt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="81"/>
        <source>No OCR</source>
        <translation>Không nhận dạng chữ</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="82"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="83"/>
        <source>Text recognition</source>
        <translation>Nhận dạng chữ</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="84"/>
        <source>Keep unsaved scanned pages nobody came back for</source>
        <translation>Giữ các trang đã quét chưa lưu bị bỏ dở</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="85"/>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="86"/>
        <source>Pages scanned but never filed stay on disk this long after the desk stopped, so they can be restored; filed batches are removed at once.</source>
        <translation>Các trang đã quét nhưng chưa lưu được giữ trên đĩa trong thời gian này sau khi chương trình dừng, để có thể khôi phục; lô quét đã lưu hết được xóa ngay.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="90"/>
        <source>Scan profiles (locked ones cannot be changed at scan time)</source>
        <translation>Cấu hình quét (cấu hình đã khóa không sửa được khi quét)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="91"/>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/help.py" line="20"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="22"/>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="23"/>
        <source>Next / previous field</source>
        <translation>Trường sau / trường trước</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="24"/>
        <source>Accept the field, save and go to the next document</source>
        <translation>Nhận giá trị, lưu và chuyển sang văn bản tiếp theo</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="25"/>
        <source>Save the document and go to the next</source>
        <translation>Lưu văn bản và chuyển sang văn bản tiếp theo</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="27"/>
        <source>Select several pages / every page in the strip</source>
        <translation>Chọn nhiều trang / mọi trang trên dải trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="26"/>
        <source>Shift / Ctrl + click, Ctrl+A</source>
        <translation>Shift / Ctrl + nhấp chuột, Ctrl+A</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="28"/>
        <source>Rotate the selected pages right / left</source>
        <translation>Xoay các trang đã chọn sang phải / sang trái</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="29"/>
        <source>Turn the selected pages upside down</source>
        <translation>Lật ngược các trang đã chọn</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="30"/>
        <source>Move the selected pages one place earlier / later</source>
        <translation>Dời các trang đã chọn về trước / ra sau một vị trí</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="31"/>
        <source>Delete the selected pages</source>
        <translation>Xóa các trang đã chọn</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="32"/>
        <source>Scan a page and insert it after this one</source>
        <translation>Quét một trang và chèn sau trang này</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="33"/>
        <source>Start a new document at this page, or merge it back</source>
        <translation>Bắt đầu văn bản mới từ trang này, hoặc gộp lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="34"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="35"/>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="36"/>
        <source>This list</source>
        <translation>Danh sách này</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="39"/>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="39"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/signin.py" line="27"/>
        <location filename="../../app/ui/signin.py" line="55"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="35"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="36"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="37"/>
        <source>Forgot your password? The station&apos;s administrator sets a temporary one (Settings → Users).</source>
        <translation>Quên mật khẩu? Quản trị viên của trạm đặt cho bạn một mật khẩu tạm (Cài đặt → Người dùng).</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="42"/>
        <source>The admin set a temporary password: choose your own password to continue.</source>
        <translation>Quản trị viên đã đặt mật khẩu tạm thời: hãy đặt mật khẩu của riêng bạn để tiếp tục.</translation>
    </message>
</context>
<context>
    <name>SignView</name>
    <message>
        <location filename="../../app/ui/sign_view.py" line="133"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="133"/>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="133"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="133"/>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="134"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="135"/>
        <source>Select all</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="136"/>
        <source>Select none</source>
        <translation>Bỏ chọn tất cả</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="137"/>
        <source>Sign the chosen documents…</source>
        <translation>Ký các văn bản đã chọn…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="143"/>
        <source>PIN of the token %1</source>
        <translation>Mã PIN của token %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="146"/>
        <source>Token PIN</source>
        <translation>Mã PIN token</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="197"/>
        <source>%1 of %2 chosen</source>
        <translation>Đã chọn %1/%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="209"/>
        <source>Choose the token and its certificate first.</source>
        <translation>Hãy chọn token và chứng thư số trước.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="235"/>
        <source>Signing…</source>
        <translation>Đang ký…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="252"/>
        <source>Signed %1/%2.</source>
        <translation>Đã ký %1/%2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="258"/>
        <source>signed</source>
        <translation>đã ký</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="258"/>
        <source>failed</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_view.py" line="259"/>
        <source>not signed</source>
        <translation>chưa ký</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../app/ui/status.py" line="94"/>
        <source>Last backup: %1</source>
        <translation>Sao lưu lần cuối: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="93"/>
        <source>never</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="38"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="48"/>
        <source>Signed in: %1</source>
        <translation>Đang đăng nhập: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="71"/>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="80"/>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="104"/>
        <source>Sync: …</source>
        <translation>Đồng bộ: …</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="107"/>
        <source>not set up</source>
        <translation>chưa thiết lập</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="111"/>
        <source>%1 refused by the server</source>
        <translation>%1 bị máy chủ từ chối</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="115"/>
        <source>Signed documents wait in the outbox until `scanstation sync` sends them; %1 sent so far.</source>
        <translation>Văn bản đã ký chờ trong hộp thư đi cho đến khi `scanstation sync` gửi lên; đã gửi %1 văn bản.</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="108"/>
        <source>Sync: %1 · %2 waiting</source>
        <translation>Đồng bộ: %1 · %2 văn bản chờ gửi</translation>
    </message>
</context>
<context>
    <name>SummaryChart</name>
    <message>
        <location filename="../../app/ui/chart.py" line="30"/>
        <source>pages</source>
        <translation>trang</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart.py" line="30"/>
        <source>documents</source>
        <translation>văn bản</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart.py" line="30"/>
        <source>rejections</source>
        <translation>lần trả lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart.py" line="35"/>
        <source>No documents</source>
        <translation>Không có văn bản</translation>
    </message>
</context>
<context>
    <name>TokenPicker</name>
    <message>
        <location filename="../../app/ui/token_picker.py" line="99"/>
        <source>Signing token</source>
        <translation>Token ký số</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="100"/>
        <source>Token driver</source>
        <translation>Thư viện token</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="100"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="101"/>
        <source>Certificate</source>
        <translation>Chứng thư số</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="103"/>
        <source>Look again</source>
        <translation>Tìm lại</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="104"/>
        <source>Other driver file…</source>
        <translation>Chọn tệp thư viện khác…</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="105"/>
        <source>Type the module, token and key (advanced)</source>
        <translation>Tự nhập thư viện, token và khóa (nâng cao)</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="106"/>
        <source>empty: look for the known Vietnamese CA modules</source>
        <translation>để trống: tự tìm thư viện của các CA Việt Nam</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="107"/>
        <source>PKCS#11 module</source>
        <translation>Thư viện PKCS#11</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="108"/>
        <source>Token label</source>
        <translation>Nhãn token</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="109"/>
        <source>Key label</source>
        <translation>Nhãn khóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="124"/>
        <source>Looking for tokens…</source>
        <translation>Đang tìm token…</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="143"/>
        <source>The token&apos;s PKCS#11 driver file</source>
        <translation>Tệp thư viện PKCS#11 của token</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="144"/>
        <source>PKCS#11 modules (*.dll *.so *.dylib);;All files (*)</source>
        <translation>Thư viện PKCS#11 (*.dll *.so *.dylib);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="160"/>
        <source>cannot be loaded</source>
        <translation>không nạp được</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="162"/>
        <source>no token plugged in</source>
        <translation>chưa cắm token</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="190"/>
        <source>%1 — %2 %3, serial %4</source>
        <translation>%1 — %2 %3, số sê-ri %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="206"/>
        <source>%1 (%2), until %3</source>
        <translation>%1 (%2), hiệu lực đến %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="237"/>
        <source>The certificate is shown once it is picked from the list.</source>
        <translation>Thông tin chứng thư số chỉ hiện khi chọn từ danh sách.</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="247"/>
        <source>Holder: %1</source>
        <translation>Người giữ: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="248"/>
        <source>Issued by: %1</source>
        <translation>Cấp bởi: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="249"/>
        <source>Serial number: %1</source>
        <translation>Số sê-ri: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="250"/>
        <source>Valid from %1 to %2</source>
        <translation>Hiệu lực từ %1 đến %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="255"/>
        <source>%1 days left</source>
        <translation>Còn %1 ngày</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="261"/>
        <source>No token driver (PKCS#11 module) of a known certification authority is installed. Install the driver that came with the office&apos;s token, or choose its file with «Other driver file…».</source>
        <translation>Chưa cài thư viện token (PKCS#11) của nhà cung cấp chứng thư số nào. Hãy cài trình điều khiển đi kèm token của cơ quan, hoặc chọn tệp thư viện bằng «Chọn tệp thư viện khác…».</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="265"/>
        <source>This driver cannot be loaded: %1</source>
        <translation>Không nạp được thư viện này: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="267"/>
        <source>No token is plugged in. Plug in the office&apos;s token, then press «Look again».</source>
        <translation>Chưa cắm token. Hãy cắm token của cơ quan rồi bấm «Tìm lại».</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="269"/>
        <source>This token holds no signing certificate that can be read without the PIN. Use the advanced fields if the CA&apos;s tool names the key.</source>
        <translation>Token này không có chứng thư số ký đọc được khi chưa nhập mã PIN. Nếu công cụ của nhà cung cấp cho biết tên khóa, hãy dùng phần tự nhập (nâng cao).</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="276"/>
        <source>The token %1 is locked: its PIN was entered wrongly too many times, so it cannot sign. Ask whoever manages the office&apos;s token (its security officer, who holds the SO PIN or PUK) to unblock it, or the certification authority; then press «Look again». Nothing was signed or changed.</source>
        <translation>Token %1 đã bị khóa do nhập sai mã PIN quá số lần cho phép nên không thể ký. Hãy nhờ người quản lý token của cơ quan (người giữ mã SO PIN hoặc PUK) mở khóa token, hoặc liên hệ nhà cung cấp chứng thư số; sau đó bấm «Tìm lại». Chưa có văn bản nào được ký hay bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="285"/>
        <source>This certificate expired on %1: documents cannot be signed with it. Ask the certification authority to renew it.</source>
        <translation>Chứng thư số này đã hết hạn ngày %1: không thể ký văn bản bằng chứng thư này. Hãy liên hệ nhà cung cấp chứng thư số để gia hạn.</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="289"/>
        <source>This certificate is not valid yet (from %1): check the computer&apos;s date.</source>
        <translation>Chứng thư số này chưa có hiệu lực (từ %1): hãy kiểm tra ngày giờ của máy tính.</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="298"/>
        <source>The token says one PIN try is left: one more wrong PIN locks it. Type the PIN carefully.</source>
        <translation>Token báo chỉ còn một lần thử mã PIN: nhập sai thêm một lần nữa token sẽ bị khóa. Hãy nhập mã PIN thật cẩn thận.</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="300"/>
        <source>The token says few PIN tries are left before it locks. Type the PIN carefully.</source>
        <translation>Token báo chỉ còn ít lần thử mã PIN trước khi bị khóa. Hãy nhập mã PIN thật cẩn thận.</translation>
    </message>
    <message>
        <location filename="../../app/ui/token_picker.py" line="306"/>
        <source>This certificate ends in %1 days (on %2): ask the certification authority to renew it in time.</source>
        <translation>Chứng thư số này chỉ còn %1 ngày (đến %2): hãy liên hệ nhà cung cấp chứng thư số để gia hạn kịp thời.</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../app/ui/users_view.py" line="212"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="212"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="212"/>
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="212"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="213"/>
        <source>Add a user…</source>
        <translation>Thêm người dùng…</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="214"/>
        <source>Reset the password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="241"/>
        <source>disabled</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="243"/>
        <source>active, must change the password</source>
        <translation>đang hoạt động, phải đổi mật khẩu</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="244"/>
        <source>active</source>
        <translation>đang hoạt động</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="262"/>
        <source>Enable</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="263"/>
        <source>Disable</source>
        <translation>Khóa tài khoản</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="294"/>
        <source>User %1 added.</source>
        <translation>Đã thêm người dùng %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="301"/>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation>Đã khóa %1; người này không đăng nhập được nữa.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="302"/>
        <source>%1 is enabled again.</source>
        <translation>Đã mở khóa %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/users_view.py" line="316"/>
        <source>Temporary password set: %1 must change it at the next sign-in.</source>
        <translation>Đã đặt mật khẩu tạm thời: %1 phải đổi mật khẩu ở lần đăng nhập tới.</translation>
    </message>
</context>
<context>
    <name>_DrivePicker</name>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="58"/>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="78"/>
        <source>The backup drive or folder</source>
        <translation>Ổ hoặc thư mục sao lưu</translation>
    </message>
</context>
</TS>
