<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../ui/controller.py" line="122"/>
        <source>Creating the demo installation…</source>
        <translation>กำลังสร้างการติดตั้งสาธิต…</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="125"/>
        <source>Creating synthetic reports: %1 of %2</source>
        <translation>กำลังสร้างรายงานจำลอง: %1 จาก %2</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="142"/>
        <source>A demo installation with synthetic reports was created. Unlock it as one of these users (user / passphrase):</source>
        <translation>สร้างการติดตั้งสาธิตพร้อมรายงานจำลองแล้ว ปลดล็อกได้ในฐานะผู้ใช้คนใดคนหนึ่งต่อไปนี้ (ผู้ใช้ / วลีรหัสผ่าน):</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="197"/>
        <source>Connecting</source>
        <translation>กำลังเชื่อมต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="278"/>
        <source>Locked. Enter your passphrase to continue.</source>
        <translation>ล็อกแล้ว ใส่วลีรหัสผ่านเพื่อทำงานต่อ</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/audit_page.py" line="43"/>
        <source>Audit log</source>
        <translation>บันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="48"/>
        <source>Every change of state is recorded here, each entry chained to the one before it by its hash, so an edited or removed entry shows.</source>
        <translation>ทุกการเปลี่ยนสถานะถูกบันทึกไว้ที่นี่ แต่ละรายการเชื่อมกับรายการก่อนหน้าด้วยค่าแฮช หากมีรายการถูกแก้ไขหรือลบจะตรวจพบได้</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="60"/>
        <source>#</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="61"/>
        <source>When</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="62"/>
        <source>Who</source>
        <translation>ผู้กระทำ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="63"/>
        <source>Action</source>
        <translation>การกระทำ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="64"/>
        <source>Object</source>
        <translation>สิ่งที่เกี่ยวข้อง</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="73"/>
        <source>Audit entries</source>
        <translation>รายการบันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="77"/>
        <source>Entries shown</source>
        <translation>รายการที่แสดง</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="78"/>
        <source>Ne&amp;wer entries</source>
        <translation>รายการที่ใหม่กว่า (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="80"/>
        <source>&amp;Older entries</source>
        <translation>รายการที่เก่ากว่า (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="91"/>
        <source>Result of the chain check</source>
        <translation>ผลการตรวจสอบห่วงโซ่</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="92"/>
        <source>&amp;Verify the whole chain</source>
        <translation>ตรวจสอบห่วงโซ่ทั้งหมด (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="101"/>
        <source>All actions</source>
        <translation>ทุกการกระทำ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="105"/>
        <source>Everyone</source>
        <translation>ผู้ใช้ทุกคน</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="107"/>
        <source>its id, or the start of it</source>
        <translation>รหัส หรือส่วนต้นของรหัส</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="111"/>
        <source>YYYY-MM-DD</source>
        <translation>ปปปป-ดด-วว</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="114"/>
        <source>words in the entry&apos;s details</source>
        <translation>คำในรายละเอียดของรายการ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="116"/>
        <source>&amp;Action:</source>
        <translation>การกระทำ (&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="117"/>
        <source>&amp;User:</source>
        <translation>ผู้ใช้ (&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="118"/>
        <source>&amp;Report:</source>
        <translation>รายงาน (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="119"/>
        <source>Fro&amp;m:</source>
        <translation>ตั้งแต่ (&amp;M):</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="120"/>
        <source>&amp;To:</source>
        <translation>ถึง (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="121"/>
        <source>Co&amp;ntaining:</source>
        <translation>ที่มีคำ (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="132"/>
        <source>Show &amp;entries</source>
        <translation>แสดงรายการ (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="135"/>
        <source>&amp;Clear filter</source>
        <translation>ล้างตัวกรอง (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="189"/>
        <source>Reading the log</source>
        <translation>กำลังอ่านบันทึก</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="208"/>
        <source>No entry matches this filter.</source>
        <translation>ไม่มีรายการที่ตรงกับตัวกรองนี้</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="211"/>
        <source>Entries %1–%2 of %3, newest first</source>
        <translation>รายการ %1–%2 จาก %3 ใหม่สุดก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="237"/>
        <source>Checking…</source>
        <translation>กำลังตรวจสอบ…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="239"/>
        <source>Checking the chain</source>
        <translation>กำลังตรวจสอบห่วงโซ่</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="247"/>
        <source>The chain is intact: %1 entries verified.</source>
        <translation>ห่วงโซ่สมบูรณ์: ตรวจสอบแล้ว %1 รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="253"/>
        <source>The chain is broken: </source>
        <translation>ห่วงโซ่ขาด: </translation>
    </message>
</context>
<context>
    <name>BulletinsPage</name>
    <message>
        <location filename="../../ui/bulletins_page.py" line="38"/>
        <source>Alerts &amp; bulletins</source>
        <translation>การแจ้งเตือนและจดหมายข่าว</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="43"/>
        <source>Search alerts and bulletins…</source>
        <translation>ค้นหาการแจ้งเตือนและจดหมายข่าว…</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="44"/>
        <source>Search alerts and bulletins</source>
        <translation>ค้นหาการแจ้งเตือนและจดหมายข่าว</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="47"/>
        <source>Kind of item</source>
        <translation>ประเภทรายการ</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="49"/>
        <source>Everything</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="50"/>
        <source>Alerts</source>
        <translation>การแจ้งเตือน</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="51"/>
        <source>Bulletins</source>
        <translation>จดหมายข่าว</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="52"/>
        <source>MOU templates</source>
        <translation>แม่แบบบันทึกความเข้าใจ</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="53"/>
        <source>Document-fraud notices</source>
        <translation>ประกาศเอกสารปลอม</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="64"/>
        <source>Published</source>
        <translation>เผยแพร่เมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="64"/>
        <source>Title</source>
        <translation>ชื่อเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="64"/>
        <source>From</source>
        <translation>จาก</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="64"/>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="74"/>
        <source>Alerts and bulletins</source>
        <translation>การแจ้งเตือนและจดหมายข่าว</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="77"/>
        <source>Selected alert or bulletin</source>
        <translation>การแจ้งเตือนหรือจดหมายข่าวที่เลือก</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="83"/>
        <source>Nothing has been received from the portal yet. Alerts and bulletins arrive with the next sync and stay readable offline.</source>
        <translation>ยังไม่ได้รับสิ่งใดจากพอร์ทัล การแจ้งเตือนและจดหมายข่าวจะมากับการซิงค์ครั้งถัดไป และอ่านได้แม้ออฟไลน์</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="116"/>
        <source>Searching</source>
        <translation>กำลังค้นหา</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="128"/>
        <source>NEW</source>
        <translation>ใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="141"/>
        <location filename="../../ui/bulletins_page.py" line="180"/>
        <source>%1 new</source>
        <translation>ใหม่ %1 รายการ</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard_page.py" line="107"/>
        <source>Dashboard</source>
        <translation>แดชบอร์ด</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="110"/>
        <source>Period summary as P&amp;DF…</source>
        <translation>สรุปตามช่วงเวลาเป็น PDF… (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="115"/>
        <source>waiting for review</source>
        <translation>รอการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="116"/>
        <source>days the oldest has waited</source>
        <translation>วันที่รายการเก่าสุดรอมา</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="117"/>
        <source>returned to authors</source>
        <translation>ส่งกลับให้ผู้เขียน</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="118"/>
        <source>items waiting to be sent</source>
        <translation>รายการที่รอส่ง</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="119"/>
        <source>refused by the portal</source>
        <translation>พอร์ทัลปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="130"/>
        <location filename="../../ui/dashboard_page.py" line="136"/>
        <source>Reports by kind and month</source>
        <translation>รายงานตามประเภทและเดือน</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="133"/>
        <source>By crossing point (12 months)</source>
        <translation>ตามจุดผ่านแดน (12 เดือน)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="134"/>
        <source>By nationality (top 10, 12 months)</source>
        <translation>ตามสัญชาติ (10 อันดับแรก, 12 เดือน)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="135"/>
        <source>Queue health: reports by state</source>
        <translation>สถานะคิว: รายงานตามสถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="137"/>
        <source>Reports by crossing point</source>
        <translation>รายงานตามจุดผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="138"/>
        <source>Reports by nationality</source>
        <translation>รายงานตามสัญชาติ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="139"/>
        <source>Queue health</source>
        <translation>สถานะคิว</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="162"/>
        <source>Counting reports</source>
        <translation>กำลังนับรายงาน</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <location filename="../../ui/editor.py" line="256"/>
        <source>document</source>
        <translation>เอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="259"/>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="260"/>
        <source>Document type</source>
        <translation>ประเภทเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="266"/>
        <location filename="../../ui/editor.py" line="267"/>
        <source>Issuing state</source>
        <translation>ประเทศที่ออก</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="272"/>
        <source>Document number</source>
        <translation>เลขที่เอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="273"/>
        <source>optional</source>
        <translation>ไม่บังคับ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="274"/>
        <source>Number</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="277"/>
        <location filename="../../ui/editor.py" line="278"/>
        <source>Fraud type</source>
        <translation>ประเภทการปลอม</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="283"/>
        <location filename="../../ui/editor.py" line="284"/>
        <source>Features observed</source>
        <translation>ลักษณะที่พบ</translation>
    </message>
</context>
<context>
    <name>GradePicker</name>
    <message>
        <location filename="../../ui/widgets.py" line="293"/>
        <source>— choose —</source>
        <translation>— เลือก —</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <location filename="../../ui/report_view.py" line="269"/>
        <source>Version</source>
        <translation>ฉบับที่</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="270"/>
        <source>Action</source>
        <translation>การกระทำ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="271"/>
        <source>By</source>
        <translation>โดย</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="272"/>
        <source>When</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="273"/>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="274"/>
        <source>Comment</source>
        <translation>ความเห็น</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="275"/>
        <source>Signature</source>
        <translation>ลายมือชื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="281"/>
        <source>Signed history</source>
        <translation>ประวัติที่ลงลายมือชื่อ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>Outpost</source>
        <translation>Outpost</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>Navigation</source>
        <translation>การนำทาง</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Dashboard</source>
        <translation>แดชบอร์ด</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>New report</source>
        <translation>รายงานใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>My reports</source>
        <translation>รายงานของฉัน</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Review queue</source>
        <translation>คิวตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Outbox &amp; sync</source>
        <translation>กล่องขาออกและการซิงค์</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Alerts &amp; bulletins</source>
        <translation>การแจ้งเตือนและจดหมายข่าว</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>Audit log</source>
        <translation>บันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>Settings</source>
        <translation>การตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Needs my action</source>
        <translation>รอการดำเนินการของฉัน</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;File</source>
        <translation>ไฟล์ (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>&amp;New report</source>
        <translation>รายงานใหม่ (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>Period &amp;summary as PDF…</source>
        <translation>สรุปตามช่วงเวลาเป็น PDF… (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>&amp;Lock</source>
        <translation>ล็อก (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>&amp;Quit</source>
        <translation>ออก (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>&amp;Go</source>
        <translation>ไปที่ (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>&amp;Sync</source>
        <translation>ซิงค์ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>Sync &amp;now</source>
        <translation>ซิงค์เดี๋ยวนี้ (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;Cancel sync</source>
        <translation>ยกเลิกการซิงค์ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>ปุ่มลัด (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Signed in user</source>
        <translation>ผู้ใช้ที่ลงชื่อเข้าใช้</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>Charts need the PySide6-Addons package.</source>
        <translation>แผนภูมิต้องใช้แพ็กเกจ PySide6-Addons</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>Report %1 %2 and signed.</source>
        <translation>รายงาน %1 %2 และลงลายมือชื่อแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>Opening report</source>
        <translation>กำลังเปิดรายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>Ctrl+N: new report</source>
        <translation>Ctrl+N: รายงานใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>Ctrl+S: save the draft now</source>
        <translation>Ctrl+S: บันทึกฉบับร่างทันที</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>Ctrl+Enter: sign and submit</source>
        <translation>Ctrl+Enter: ลงลายมือชื่อและส่ง</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>Ctrl+F: search (My reports)</source>
        <translation>Ctrl+F: ค้นหา (รายงานของฉัน)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>Ctrl+P: save the open report as PDF</source>
        <translation>Ctrl+P: บันทึกรายงานที่เปิดอยู่เป็น PDF</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="378"/>
        <source>F5: sync now</source>
        <translation>F5: ซิงค์เดี๋ยวนี้</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>Ctrl+L: lock</source>
        <translation>Ctrl+L: ล็อก</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383"/>
        <source>Keyboard shortcuts</source>
        <translation>ปุ่มลัด</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="395"/>
        <source>Save as PDF</source>
        <translation>บันทึกเป็น PDF</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="398"/>
        <source>PDF files (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>printed copy for the file</source>
        <translation>สำเนาพิมพ์เพื่อเก็บเข้าแฟ้ม</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <location filename="../../ui/main_window.py" line="467"/>
        <source>Saved %1 (%2 pages).</source>
        <translation>บันทึก %1 แล้ว (%2 หน้า)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <location filename="../../ui/main_window.py" line="470"/>
        <source>Writing PDF</source>
        <translation>กำลังเขียน PDF</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="474"/>
        <source>The PDF was not written: %1</source>
        <translation>ไม่ได้เขียน PDF: %1</translation>
    </message>
</context>
<context>
    <name>MultiCodePicker</name>
    <message>
        <location filename="../../ui/widgets.py" line="366"/>
        <source>none chosen — click to choose</source>
        <translation>ยังไม่ได้เลือก — คลิกเพื่อเลือก</translation>
    </message>
</context>
<context>
    <name>NeedsActionPage</name>
    <message>
        <location filename="../../ui/action_page.py" line="38"/>
        <source>Needs my action</source>
        <translation>รอการดำเนินการของฉัน</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="43"/>
        <source>Reports a reviewer returned to you. Correct each one as the comment asks, then sign and submit it again.</source>
        <translation>รายงานที่ผู้ตรวจสอบส่งคืนให้คุณ แก้ไขแต่ละฉบับตามความเห็น แล้วลงนามและส่งอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="51"/>
        <source>Report</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="51"/>
        <source>Returned by</source>
        <translation>ส่งคืนโดย</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="51"/>
        <source>Returned on</source>
        <translation>ส่งคืนเมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="51"/>
        <source>Comment</source>
        <translation>ความเห็น</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="59"/>
        <source>Returned reports</source>
        <translation>รายงานที่ถูกส่งคืน</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="66"/>
        <source>&amp;Correct the report</source>
        <translation>แก้ไขรายงาน (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="81"/>
        <source>Reading returned reports</source>
        <translation>กำลังอ่านรายงานที่ถูกส่งคืน</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="102"/>
        <source>(correction started)</source>
        <translation>(เริ่มแก้ไขแล้ว)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/action_page.py" line="112"/>
        <source>%n report(s) need your action.</source>
        <translation>
            <numerusform>มีรายงาน %n ฉบับรอการดำเนินการของคุณ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="114"/>
        <source>Nothing needs your action.</source>
        <translation>ไม่มีรายการที่รอการดำเนินการของคุณ</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="383"/>
        <source>Item</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="384"/>
        <source>Report</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="385"/>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="386"/>
        <source>Bytes</source>
        <translation>ไบต์</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="387"/>
        <source>Attempts</source>
        <translation>จำนวนครั้งที่ลอง</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="388"/>
        <source>Last error / portal&apos;s reason</source>
        <translation>ข้อผิดพลาดล่าสุด / เหตุผลของพอร์ทัล</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="389"/>
        <source>Queued at</source>
        <translation>เข้าคิวเมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="439"/>
        <source>Submission</source>
        <translation>การส่งรายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="440"/>
        <source>Decision</source>
        <translation>คำวินิจฉัย</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="441"/>
        <source>Attachment</source>
        <translation>ไฟล์แนบ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="444"/>
        <source>Waiting</source>
        <translation>รอส่ง</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="445"/>
        <source>Delivered</source>
        <translation>ส่งถึงแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="446"/>
        <source>Refused by the portal</source>
        <translation>พอร์ทัลปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="451"/>
        <source>Failed, retried</source>
        <translation>ล้มเหลว จะลองใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="453"/>
        <source>Sending</source>
        <translation>กำลังส่ง</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="493"/>
        <source>Outbox &amp; sync</source>
        <translation>กล่องขาออกและการซิงค์</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="498"/>
        <source>Sync is not set up on this installation: it has not been provisioned for a portal yet. Submitted reports and decisions wait here, signed, until it is.</source>
        <translation>การติดตั้งนี้ยังไม่ได้ตั้งค่าการซิงค์ ยังไม่ได้รับไฟล์ตั้งค่าพอร์ทัล รายงานและคำวินิจฉัยที่ส่งแล้วจะรออยู่ที่นี่พร้อมลายมือชื่อจนกว่าจะตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="508"/>
        <source>Progress</source>
        <translation>ความคืบหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="512"/>
        <source>Reach the portal</source>
        <translation>ติดต่อพอร์ทัล</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="513"/>
        <source>Send reports and decisions</source>
        <translation>ส่งรายงานและคำวินิจฉัย</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="514"/>
        <source>Upload attachments</source>
        <translation>อัปโหลดไฟล์แนบ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="515"/>
        <source>Receive alerts and decisions</source>
        <translation>รับการแจ้งเตือนและคำวินิจฉัย</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="526"/>
        <source>Link</source>
        <translation>การเชื่อมต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="530"/>
        <source>Sync state</source>
        <translation>สถานะการซิงค์</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="536"/>
        <source>&amp;Metered link: send text only, attachments later</source>
        <translation>เครือข่ายคิดตามปริมาณ: ส่งเฉพาะข้อความ ไฟล์แนบส่งภายหลัง (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="541"/>
        <source>S&amp;ync now</source>
        <translation>ซิงค์เดี๋ยวนี้ (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="542"/>
        <source>&amp;Cancel sync</source>
        <translation>ยกเลิกการซิงค์ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="543"/>
        <source>&amp;Refresh list</source>
        <translation>รีเฟรชรายการ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="549"/>
        <source>&amp;Export offline bundle…</source>
        <translation>ส่งออกชุดข้อมูลออฟไลน์… (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="552"/>
        <source>No link at all: approved work, signed and encrypted to the portal, on a USB stick</source>
        <translation>ไม่มีสัญญาณเลย: งานที่อนุมัติแล้ว ลงลายมือชื่อและเข้ารหัสถึงพอร์ทัล ใส่แฟลชไดรฟ์ USB</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="555"/>
        <source>&amp;Import a bundle…</source>
        <translation>นำเข้าชุดข้อมูล… (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="556"/>
        <source>Deliver another post&apos;s bundle through this link</source>
        <translation>ส่งชุดข้อมูลของด่านอื่นผ่านการเชื่อมต่อนี้</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="567"/>
        <source>Speed and time left</source>
        <translation>ความเร็วและเวลาที่เหลือ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="575"/>
        <source>Outbox items</source>
        <translation>รายการในกล่องขาออก</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="624"/>
        <source>Reading the outbox</source>
        <translation>กำลังอ่านกล่องขาออก</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="642"/>
        <source>%1 waiting, %2 delivered, %3 refused by the portal</source>
        <translation>รอส่ง %1, ส่งถึงแล้ว %2, พอร์ทัลปฏิเสธ %3</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="672"/>
        <source>nothing to do</source>
        <translation>ไม่มีงาน</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="695"/>
        <source>Last error: %1</source>
        <translation>ข้อผิดพลาดล่าสุด: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="701"/>
        <source>Last complete sync: %1</source>
        <translation>ซิงค์ครบถ้วนครั้งล่าสุด: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="706"/>
        <source>Last pass: %1 sent, %2 attachments, %3 received in %4 s</source>
        <translation>รอบล่าสุด: ส่ง %1, ไฟล์แนบ %2, รับ %3 ใน %4 วินาที</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="721"/>
        <source>Export offline bundle</source>
        <translation>ส่งออกชุดข้อมูลออฟไลน์</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="729"/>
        <source>Import a bundle</source>
        <translation>นำเข้าชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="737"/>
        <source>offline delivery to the portal</source>
        <translation>ส่งถึงพอร์ทัลแบบออฟไลน์</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="746"/>
        <source>Bundle written to %1.</source>
        <translation>เขียนชุดข้อมูลไปที่ %1 แล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="749"/>
        <source>Writing the bundle</source>
        <translation>กำลังเขียนชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="762"/>
        <source>Bundle delivered to the portal.</source>
        <translation>ส่งชุดข้อมูลถึงพอร์ทัลแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="764"/>
        <source>Bundle delivered; the portal refused some items.</source>
        <translation>ส่งชุดข้อมูลแล้ว แต่พอร์ทัลปฏิเสธบางรายการ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="767"/>
        <source>Delivering the bundle</source>
        <translation>กำลังส่งชุดข้อมูล</translation>
    </message>
</context>
<context>
    <name>Pdf</name>
    <message>
        <location filename="../../ui/pdf.py" line="52"/>
        <source>(not yet set: treat as TLP:RED)</source>
        <translation>(ยังไม่กำหนด: ให้ถือเป็น TLP:RED)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="97"/>
        <source>Page %1 of %2</source>
        <translation>หน้า %1 จาก %2</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="156"/>
        <source>Outpost report %1</source>
        <translation>รายงาน Outpost %1</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="165"/>
        <location filename="../../ui/pdf.py" line="329"/>
        <source>paper or PDF: %1</source>
        <translation>กระดาษหรือ PDF: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="186"/>
        <source>none</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="192"/>
        <source>Released as %1 by %2 on %3</source>
        <translation>เผยแพร่เป็น %1 โดย %2 เมื่อ %3</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="201"/>
        <source>everyone on the portal (TLP:CLEAR)</source>
        <translation>ทุกคนบนพอร์ทัล (TLP:CLEAR)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="203"/>
        <source>none: it stays inside the originating agency</source>
        <translation>ไม่มี: อยู่ภายในหน่วยงานต้นทางเท่านั้น</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="205"/>
        <source>Releasable to member states</source>
        <translation>เผยแพร่ให้ประเทศสมาชิกได้</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="206"/>
        <source>Releasable to agencies</source>
        <translation>เผยแพร่ให้หน่วยงานได้</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="211"/>
        <source>Recipients (TLP:RED)</source>
        <translation>ผู้รับ (TLP:RED)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="217"/>
        <source>Third parties</source>
        <translation>บุคคลที่สาม</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="218"/>
        <source>May be passed to third parties</source>
        <translation>ส่งต่อให้บุคคลที่สามได้</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="220"/>
        <source>Not to be passed to third parties</source>
        <translation>ห้ามส่งต่อให้บุคคลที่สาม</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="223"/>
        <source>Legal basis for sharing</source>
        <translation>ฐานทางกฎหมายในการแบ่งปัน</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="225"/>
        <source>Reason for loosening the label</source>
        <translation>เหตุผลที่ผ่อนระดับป้าย</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="240"/>
        <source>Period summary</source>
        <translation>สรุปตามช่วงเวลา</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="241"/>
        <source>reports</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="242"/>
        <source>By kind</source>
        <translation>ตามประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="243"/>
        <source>By crossing point</source>
        <translation>ตามจุดผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="244"/>
        <source>By nationality</source>
        <translation>ตามสัญชาติ</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="245"/>
        <source>Queue health</source>
        <translation>สถานะคิว</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="246"/>
        <source>Reports</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="247"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="248"/>
        <source>Crossing point</source>
        <translation>จุดผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="249"/>
        <source>Nationality</source>
        <translation>สัญชาติ</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="250"/>
        <source>Observed at</source>
        <translation>เวลาที่พบเหตุ</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="251"/>
        <source>Label</source>
        <translation>ป้าย TLP</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="252"/>
        <source>Narrative</source>
        <translation>คำบรรยาย</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="259"/>
        <source>Reports observed from %1 to %2</source>
        <translation>รายงานที่พบเหตุตั้งแต่ %1 ถึง %2</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="323"/>
        <source>Outpost period summary %1 – %2</source>
        <translation>สรุปตามช่วงเวลาของ Outpost %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="331"/>
        <source>period summary</source>
        <translation>สรุปตามช่วงเวลา</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>Period summary as PDF</source>
        <translation>สรุปตามช่วงเวลาเป็น PDF</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="503"/>
        <source>&amp;From:</source>
        <translation>ตั้งแต่ (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="504"/>
        <source>&amp;To:</source>
        <translation>ถึง (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="510"/>
        <source>&amp;Choose where to save…</source>
        <translation>เลือกที่บันทึก… (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="511"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>PersonRow</name>
    <message>
        <location filename="../../ui/editor.py" line="224"/>
        <source>person</source>
        <translation>บุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="225"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="225"/>
        <source>Person role</source>
        <translation>บทบาทของบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="228"/>
        <location filename="../../ui/editor.py" line="229"/>
        <source>Nationality</source>
        <translation>สัญชาติ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="233"/>
        <source>Sex</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="234"/>
        <source>Age band</source>
        <translation>ช่วงอายุ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="237"/>
        <source>Number of persons</source>
        <translation>จำนวนบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="238"/>
        <source>Count</source>
        <translation>จำนวน</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../ui/report_view.py" line="81"/>
        <source>Report</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="82"/>
        <source>version</source>
        <translation>ฉบับที่</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="83"/>
        <source>Persons</source>
        <translation>บุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="84"/>
        <source>Travel documents</source>
        <translation>เอกสารการเดินทาง</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="85"/>
        <source>Route</source>
        <translation>เส้นทาง</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="86"/>
        <source>Modus operandi</source>
        <translation>รูปแบบการกระทำผิด</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="87"/>
        <source>Narrative</source>
        <translation>คำบรรยาย</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="88"/>
        <source>Source and handling</source>
        <translation>แหล่งข่าวและการจัดการข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="89"/>
        <source>Attachments</source>
        <translation>ไฟล์แนบ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="90"/>
        <source>Signed history</source>
        <translation>ประวัติที่ลงลายมือชื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="113"/>
        <source>Observed at</source>
        <translation>เวลาที่พบเหตุ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="115"/>
        <source>Crossing point</source>
        <translation>จุดผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="123"/>
        <source>Coordinates</source>
        <translation>พิกัด</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="138"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="139"/>
        <source>Nationality</source>
        <translation>สัญชาติ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="140"/>
        <source>Sex</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="141"/>
        <source>Age band</source>
        <translation>ช่วงอายุ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="142"/>
        <source>Count</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="181"/>
        <source>Origin</source>
        <translation>ต้นทาง</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="183"/>
        <source>Transit</source>
        <translation>ประเทศที่ผ่าน</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="187"/>
        <source>Destination</source>
        <translation>ปลายทาง</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="191"/>
        <source>Transport mode</source>
        <translation>รูปแบบการเดินทาง</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="195"/>
        <source>Fees paid</source>
        <translation>ค่าใช้จ่ายที่จ่าย</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="198"/>
        <source>Group size</source>
        <translation>จำนวนคนในกลุ่ม</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="219"/>
        <source>Source</source>
        <translation>แหล่งข่าว</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="220"/>
        <source>Grading (Admiralty)</source>
        <translation>การจัดระดับ (ระบบ Admiralty)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="222"/>
        <source>TLP label</source>
        <translation>ป้าย TLP</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="226"/>
        <source>Third parties</source>
        <translation>บุคคลที่สาม</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="227"/>
        <source>allowed</source>
        <translation>อนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="229"/>
        <source>not allowed</source>
        <translation>ไม่อนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="231"/>
        <source>Legal basis</source>
        <translation>ฐานทางกฎหมาย</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="255"/>
        <source>submitted</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="256"/>
        <source>approved</source>
        <translation>อนุมัติแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="257"/>
        <source>returned</source>
        <translation>ส่งกลับ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="258"/>
        <source>acknowledged by the portal</source>
        <translation>พอร์ทัลตอบรับแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="259"/>
        <source>released beyond the country by the NFP</source>
        <translation>NFP เผยแพร่ออกนอกประเทศแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="260"/>
        <source>kept in the country by the NFP</source>
        <translation>NFP ให้คงไว้ภายในประเทศ</translation>
    </message>
</context>
<context>
    <name>ReportDetail</name>
    <message>
        <location filename="../../ui/report_view.py" line="316"/>
        <source>Handling label</source>
        <translation>ป้ายการจัดการข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="327"/>
        <source>Report content</source>
        <translation>เนื้อหารายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="331"/>
        <source>Photos and files</source>
        <translation>รูปภาพและไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="333"/>
        <source>Report</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="334"/>
        <source>Photos</source>
        <translation>รูปภาพ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="335"/>
        <source>Signed history</source>
        <translation>ประวัติที่ลงลายมือชื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="347"/>
        <source>no TLP yet</source>
        <translation>ยังไม่มี TLP</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="356"/>
        <source>Photos (%1)</source>
        <translation>รูปภาพ (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="361"/>
        <source>Returned by %1 on %2: %3</source>
        <translation>ส่งกลับโดย %1 เมื่อ %2: %3</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/report_view.py" line="397"/>
        <source>Report %1</source>
        <translation>รายงาน %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="406"/>
        <location filename="../../ui/report_view.py" line="440"/>
        <source>&amp;Edit draft</source>
        <translation>แก้ไขฉบับร่าง (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="407"/>
        <source>Start a &amp;corrected version</source>
        <translation>เริ่มฉบับแก้ไข (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="408"/>
        <source>Save as &amp;PDF…</source>
        <translation>บันทึกเป็น PDF… (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="409"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="429"/>
        <source>Opening report</source>
        <translation>กำลังเปิดรายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="438"/>
        <source>Correct and re&amp;submit</source>
        <translation>แก้ไขแล้วส่งใหม่ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="460"/>
        <source>Starting a corrected version</source>
        <translation>กำลังเริ่มฉบับแก้ไข</translation>
    </message>
</context>
<context>
    <name>ReportEditor</name>
    <message>
        <location filename="../../ui/editor.py" line="457"/>
        <source>Save state</source>
        <translation>สถานะการบันทึก</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="477"/>
        <source>Problems to fix before submitting</source>
        <translation>ปัญหาที่ต้องแก้ก่อนส่ง</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="492"/>
        <source>Observation</source>
        <translation>การพบเหตุ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="496"/>
        <source>&amp;Kind:</source>
        <translation>ประเภท (&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="500"/>
        <source>YYYY-MM-DD HH:MM, e.g. 2026-11-28 14:05</source>
        <translation>ปปปป-ดด-วว ชช:นน (ปี ค.ศ.) เช่น 2026-11-28 14:05</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="501"/>
        <source>Observed at, local time</source>
        <translation>เวลาที่พบเหตุ ตามเวลาท้องถิ่น</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="502"/>
        <source>&amp;Observed at (local time):</source>
        <translation>เวลาที่พบเหตุ (เวลาท้องถิ่น) (&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="504"/>
        <source>&amp;Crossing point:</source>
        <translation>จุดผ่านแดน (&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="507"/>
        <source>Demo list: the real crossing points come with the provisioning file.</source>
        <translation>รายการสาธิต: จุดผ่านแดนจริงจะมากับไฟล์ตั้งค่าของหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="513"/>
        <source>latitude, e.g. 6.63</source>
        <translation>ละติจูด เช่น 6.63</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="514"/>
        <source>Latitude</source>
        <translation>ละติจูด</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="516"/>
        <source>longitude, e.g. 100.42</source>
        <translation>ลองจิจูด เช่น 100.42</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="517"/>
        <source>Longitude</source>
        <translation>ลองจิจูด</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="520"/>
        <source>Coordinates (optional):</source>
        <translation>พิกัด (ไม่บังคับ):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="528"/>
        <source>Persons involved</source>
        <translation>บุคคลที่เกี่ยวข้อง</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="528"/>
        <source>Add &amp;person</source>
        <translation>เพิ่มบุคคล (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="531"/>
        <source>Travel documents</source>
        <translation>เอกสารการเดินทาง</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="531"/>
        <source>Add &amp;document</source>
        <translation>เพิ่มเอกสาร (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="539"/>
        <source>Route</source>
        <translation>เส้นทาง</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="544"/>
        <source>O&amp;rigin:</source>
        <translation>ต้นทาง (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="546"/>
        <source>Destinatio&amp;n:</source>
        <translation>ปลายทาง (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="547"/>
        <source>Transport mode</source>
        <translation>รูปแบบการเดินทาง</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="548"/>
        <source>Transport mode:</source>
        <translation>รูปแบบการเดินทาง:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="553"/>
        <source>amount, e.g. 1500.00</source>
        <translation>จำนวนเงิน เช่น 1500.00</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="554"/>
        <source>Fee amount</source>
        <translation>จำนวนค่าใช้จ่าย</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="556"/>
        <source>Fee currency</source>
        <translation>สกุลเงินของค่าใช้จ่าย</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="559"/>
        <source>F&amp;ees paid:</source>
        <translation>ค่าใช้จ่ายที่จ่าย (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="570"/>
        <source>not known</source>
        <translation>ไม่ทราบ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="571"/>
        <source>Group si&amp;ze:</source>
        <translation>จำนวนคนในกลุ่ม (&amp;Z):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="573"/>
        <source>Transit countries (in order)</source>
        <translation>ประเทศที่ผ่าน (ตามลำดับ)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="574"/>
        <source>Add transit &amp;leg</source>
        <translation>เพิ่มประเทศที่ผ่าน (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="584"/>
        <source>Modus operandi and narrative</source>
        <translation>รูปแบบการกระทำผิดและคำบรรยาย</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="587"/>
        <source>&amp;Modus operandi:</source>
        <translation>รูปแบบการกระทำผิด (&amp;M):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="591"/>
        <source>MO details:</source>
        <translation>รายละเอียดรูปแบบ:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="595"/>
        <source>Narrati&amp;ve:</source>
        <translation>คำบรรยาย (&amp;V):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="599"/>
        <source>Source and handling</source>
        <translation>แหล่งข่าวและการจัดการข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="602"/>
        <source>So&amp;urce description:</source>
        <translation>รายละเอียดแหล่งข่าว (&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="604"/>
        <source>Source reliabilit&amp;y:</source>
        <translation>ความน่าเชื่อถือของแหล่งข่าว (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="607"/>
        <source>Information cred&amp;ibility:</source>
        <translation>ความน่าเชื่อถือของข้อมูล (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="610"/>
        <source>&amp;TLP label:</source>
        <translation>ป้าย TLP (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="611"/>
        <source>May be passed to third parties</source>
        <translation>ส่งต่อให้บุคคลที่สามได้</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="612"/>
        <source>Third parties:</source>
        <translation>บุคคลที่สาม:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="614"/>
        <source>MOU or arrangement reference</source>
        <translation>เลขอ้างอิงบันทึกความเข้าใจหรือข้อตกลง</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="615"/>
        <source>Legal &amp;basis:</source>
        <translation>ฐานทางกฎหมาย (&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="619"/>
        <source>Photos and files</source>
        <translation>รูปภาพและไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="627"/>
        <source>Attached photos and files</source>
        <translation>รูปภาพและไฟล์ที่แนบ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="630"/>
        <source>&amp;Attach photos or files…</source>
        <translation>แนบรูปภาพหรือไฟล์… (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="632"/>
        <source>Remove selected</source>
        <translation>นำรายการที่เลือกออก</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="633"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="639"/>
        <source>Keep photos at full size</source>
        <translation>เก็บรูปภาพขนาดเต็ม</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="655"/>
        <source>Save draft</source>
        <translation>บันทึกฉบับร่าง</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="656"/>
        <source>Drafts are also saved automatically (Ctrl+S)</source>
        <translation>ฉบับร่างจะถูกบันทึกอัตโนมัติด้วย (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="658"/>
        <source>Sign and submit for review…</source>
        <translation>ลงลายมือชื่อและส่งตรวจสอบ…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="659"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="768"/>
        <source>New report</source>
        <translation>รายงานใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="769"/>
        <source>Not saved yet</source>
        <translation>ยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="775"/>
        <source>Returned by %1 on %2: %3</source>
        <translation>ส่งกลับโดย %1 เมื่อ %2: %3</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="802"/>
        <source>Opening…</source>
        <translation>กำลังเปิด…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="803"/>
        <source>Opening report</source>
        <translation>กำลังเปิดรายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="823"/>
        <source>Report %1 (version %2, %3)</source>
        <translation>รายงาน %1 (ฉบับที่ %2, %3)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="831"/>
        <source>Saved</source>
        <translation>บันทึกแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="902"/>
        <source>Editing…</source>
        <translation>กำลังแก้ไข…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1083"/>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1088"/>
        <source>Saving draft</source>
        <translation>กำลังบันทึกฉบับร่าง</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1099"/>
        <source>Draft saved at %1</source>
        <translation>บันทึกฉบับร่างเมื่อ %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1103"/>
        <source>Draft %1</source>
        <translation>ฉบับร่าง %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1107"/>
        <source>Not saved</source>
        <translation>ไม่ได้บันทึก</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor.py" line="988"/>
        <source>This report cannot be submitted yet. Fix these %n problem(s):</source>
        <translation>
            <numerusform>ยังส่งรายงานนี้ไม่ได้ แก้ปัญหา %n รายการต่อไปนี้:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1134"/>
        <location filename="../../ui/editor.py" line="1158"/>
        <source>Signing</source>
        <translation>กำลังลงลายมือชื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1163"/>
        <source>Report %1 submitted: waiting for review</source>
        <translation>ส่งรายงาน %1 แล้ว: รอการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1166"/>
        <source>Report signed and queued for review.</source>
        <translation>ลงลายมือชื่อรายงานและเข้าคิวรอตรวจสอบแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1180"/>
        <source>Attach photos or files</source>
        <translation>แนบรูปภาพหรือไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1183"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>รูปภาพ (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1183"/>
        <source>All files (*)</source>
        <translation>ไฟล์ทั้งหมด (*)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1213"/>
        <source>Reading files</source>
        <translation>กำลังอ่านไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1240"/>
        <source>Attached: %1</source>
        <translation>แนบแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>ReportListPage</name>
    <message>
        <location filename="../../ui/report_list.py" line="198"/>
        <source>My reports</source>
        <translation>รายงานของฉัน</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="205"/>
        <source>Search narrative, places, modus operandi… (Ctrl+F)</source>
        <translation>ค้นหาคำบรรยาย สถานที่ รูปแบบการกระทำผิด… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="207"/>
        <source>Search reports</source>
        <translation>ค้นหารายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="212"/>
        <source>All states</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="213"/>
        <source>Drafts</source>
        <translation>ฉบับร่าง</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="214"/>
        <source>Waiting for review</source>
        <translation>รอการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="215"/>
        <source>Returned</source>
        <translation>ส่งกลับ</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="216"/>
        <source>Approved</source>
        <translation>อนุมัติแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="217"/>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="219"/>
        <source>Filter by state</source>
        <translation>กรองตามสถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="223"/>
        <source>All kinds</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="225"/>
        <source>Filter by kind</source>
        <translation>กรองตามประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="229"/>
        <source>Filter by crossing point</source>
        <translation>กรองตามจุดผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="230"/>
        <source>any crossing point</source>
        <translation>ทุกจุดผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="233"/>
        <source>Filter by nationality</source>
        <translation>กรองตามสัญชาติ</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="234"/>
        <source>any nationality</source>
        <translation>ทุกสัญชาติ</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="236"/>
        <source>&amp;Only mine</source>
        <translation>เฉพาะของฉัน (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="250"/>
        <source>Reports</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="263"/>
        <source>Number of reports</source>
        <translation>จำนวนรายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="265"/>
        <source>O&amp;pen</source>
        <translation>เปิด (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="267"/>
        <source>&amp;New report</source>
        <translation>รายงานใหม่ (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="330"/>
        <source>Searching</source>
        <translation>กำลังค้นหา</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="345"/>
        <source>%1 reports</source>
        <translation>%1 รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="347"/>
        <source>%1+ reports</source>
        <translation>%1+ รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="349"/>
        <source>%1 matching reports</source>
        <translation>พบ %1 รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="371"/>
        <source>Loading reports</source>
        <translation>กำลังโหลดรายงาน</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../../ui/report_list.py" line="92"/>
        <source>Observed</source>
        <translation>พบเหตุเมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="93"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="94"/>
        <source>Crossing point</source>
        <translation>จุดผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="95"/>
        <source>Nationalities</source>
        <translation>สัญชาติ</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="96"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="97"/>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="98"/>
        <source>Summary</source>
        <translation>สรุป</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/review.py" line="80"/>
        <source>Review queue</source>
        <translation>คิวตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="92"/>
        <source>Observed</source>
        <translation>พบเหตุเมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="93"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="94"/>
        <source>Crossing point</source>
        <translation>จุดผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="95"/>
        <source>Author</source>
        <translation>ผู้เขียน</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="96"/>
        <source>Waiting since</source>
        <translation>รอตั้งแต่</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="110"/>
        <source>Reports waiting for review</source>
        <translation>รายงานที่รอการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="124"/>
        <source>Field</source>
        <translation>ช่องข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="124"/>
        <source>Before</source>
        <translation>ก่อนหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="124"/>
        <source>Now</source>
        <translation>ตอนนี้</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="131"/>
        <source>Changes since the returned version</source>
        <translation>การเปลี่ยนแปลงนับจากฉบับที่ถูกส่งคืน</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="134"/>
        <source>Nothing changed since the returned version.</source>
        <translation>ไม่มีการเปลี่ยนแปลงนับจากฉบับที่ถูกส่งคืน</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="142"/>
        <source>Why you cannot decide</source>
        <translation>เหตุที่คุณวินิจฉัยไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="149"/>
        <source>Decision</source>
        <translation>คำวินิจฉัย</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="152"/>
        <source>Release TLP label</source>
        <translation>ป้าย TLP ที่เผยแพร่</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="153"/>
        <source>Release as &amp;TLP:</source>
        <translation>เผยแพร่เป็น TLP (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="155"/>
        <source>needed only when loosening the author&apos;s label</source>
        <translation>จำเป็นเฉพาะเมื่อผ่อนป้ายของผู้เขียนลง</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="156"/>
        <source>Reason for loosening the TLP label</source>
        <translation>เหตุผลที่ผ่อนป้าย TLP</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="157"/>
        <source>Reason for &amp;loosening:</source>
        <translation>เหตุผลที่ผ่อนป้าย (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="158"/>
        <source>May be passed to third parties</source>
        <translation>ส่งต่อให้บุคคลที่สามได้</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="159"/>
        <source>Third &amp;parties:</source>
        <translation>บุคคลที่สาม (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="161"/>
        <source>MOU or arrangement reference (required)</source>
        <translation>เลขอ้างอิงบันทึกความเข้าใจหรือข้อตกลง (จำเป็น)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="162"/>
        <source>Legal basis</source>
        <translation>ฐานทางกฎหมาย</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="163"/>
        <source>Legal &amp;basis:</source>
        <translation>ฐานทางกฎหมาย (&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="166"/>
        <source>member states, e.g. MYS, KHM (empty: own agency)</source>
        <translation>ประเทศสมาชิก เช่น MYS, KHM (เว้นว่าง: หน่วยงานตนเอง)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="168"/>
        <source>Releasable to member states</source>
        <translation>เผยแพร่ให้ประเทศสมาชิกได้</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="169"/>
        <source>Choose member states</source>
        <translation>เลือกประเทศสมาชิก</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="171"/>
        <source>&amp;Releasable to:</source>
        <translation>เผยแพร่ให้ (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="174"/>
        <source>named agencies, e.g. MYS-IMM</source>
        <translation>หน่วยงานที่ระบุชื่อ เช่น MYS-IMM</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="175"/>
        <source>Releasable to agencies</source>
        <translation>เผยแพร่ให้หน่วยงานได้</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="176"/>
        <source>Choose agencies</source>
        <translation>เลือกหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="178"/>
        <source>Age&amp;ncies:</source>
        <translation>หน่วยงาน (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="187"/>
        <source>TLP:RED only: names from the portal directory, comma-separated</source>
        <translation>เฉพาะ TLP:RED: ชื่อจากสมุดรายชื่อของพอร์ทัล คั่นด้วยจุลภาค</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="189"/>
        <source>TLP:RED recipients</source>
        <translation>ผู้รับ TLP:RED</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="190"/>
        <source>Rec&amp;ipients:</source>
        <translation>ผู้รับ (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="198"/>
        <source>Comment to the author</source>
        <translation>ความเห็นถึงผู้เขียน</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="199"/>
        <source>Co&amp;mment:</source>
        <translation>ความเห็น (&amp;M):</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="205"/>
        <source>&amp;Approve and sign</source>
        <translation>อนุมัติและลงลายมือชื่อ (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="206"/>
        <source>R&amp;eturn to author</source>
        <translation>ส่งกลับให้ผู้เขียน (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="229"/>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="281"/>
        <source>No copy of the portal directory on this device yet: member states and agencies are taken as typed, unchecked.</source>
        <translation>ยังไม่มีสำเนาไดเรกทอรีของพอร์ทัลบนอุปกรณ์นี้ ประเทศสมาชิกและหน่วยงานจะใช้ตามที่พิมพ์โดยไม่ได้ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="309"/>
        <source>Reading the queue</source>
        <translation>กำลังอ่านคิว</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="260"/>
        <location filename="../../ui/review.py" line="326"/>
        <source>Directory</source>
        <translation>สมุดรายชื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="351"/>
        <source>%1 reports waiting</source>
        <translation>รอ %1 รายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="397"/>
        <source>Opening report</source>
        <translation>กำลังเปิดรายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="413"/>
        <source>Changed since version %1, which was returned</source>
        <translation>เปลี่ยนแปลงนับจากฉบับที่ %1 ซึ่งถูกส่งคืน</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="433"/>
        <source>(empty)</source>
        <translation>(ว่าง)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="438"/>
        <source>yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="438"/>
        <source>no</source>
        <translation>ไม่</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="483"/>
        <source>Not in the portal directory: %1.</source>
        <translation>ไม่มีในไดเรกทอรีของพอร์ทัล: %1</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="506"/>
        <source>Choose the TLP label to release it under.</source>
        <translation>เลือกป้าย TLP ที่จะใช้เผยแพร่</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="509"/>
        <source>Approving needs a legal basis (MOU or arrangement).</source>
        <translation>การอนุมัติต้องมีฐานทางกฎหมาย (บันทึกความเข้าใจหรือข้อตกลง)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="535"/>
        <source>Say in the comment what the author should correct.</source>
        <translation>ระบุในความเห็นว่าผู้เขียนควรแก้ไขอะไร</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="556"/>
        <source>Checking the decision</source>
        <translation>กำลังตรวจสอบการตัดสินใจ</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="585"/>
        <source>Signing the decision</source>
        <translation>กำลังลงลายมือชื่อคำวินิจฉัย</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings_page.py" line="42"/>
        <source>Settings</source>
        <translation>การตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="46"/>
        <source>This computer</source>
        <translation>เครื่องนี้</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="50"/>
        <source> min</source>
        <translation> นาที</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="52"/>
        <source>Lock after idle minutes</source>
        <translation>ล็อกเมื่อไม่ได้ใช้งานครบกี่นาที</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="53"/>
        <source>&amp;Lock after being idle for:</source>
        <translation>ล็อกเมื่อไม่ได้ใช้งานนาน (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="54"/>
        <source>Send text first; attachments wait for a better link</source>
        <translation>ส่งข้อความก่อน ไฟล์แนบรอสัญญาณที่ดีกว่า</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="56"/>
        <source>&amp;Metered link:</source>
        <translation>เครือข่ายคิดตามปริมาณ (&amp;M):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="61"/>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="62"/>
        <source>Lang&amp;uage:</source>
        <translation>ภาษา (&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="65"/>
        <source>Portal</source>
        <translation>พอร์ทัล</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="67"/>
        <source>Checking…</source>
        <translation>กำลังตรวจสอบ…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="69"/>
        <source>Status:</source>
        <translation>สถานะ:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="70"/>
        <source>Load the agency&apos;s &amp;provisioning file…</source>
        <translation>โหลดไฟล์ตั้งค่าของหน่วยงาน… (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="71"/>
        <source>Load the provisioning file</source>
        <translation>โหลดไฟล์ตั้งค่าของหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="74"/>
        <source>one-time code from your focal point</source>
        <translation>รหัสใช้ครั้งเดียวจากผู้ประสานงานของคุณ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="75"/>
        <source>Enrolment code</source>
        <translation>รหัสลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="76"/>
        <source>En&amp;rol</source>
        <translation>ลงทะเบียน (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="77"/>
        <source>Enrolment &amp;code:</source>
        <translation>รหัสลงทะเบียน (&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="84"/>
        <source>Users of this installation</source>
        <translation>ผู้ใช้ของการติดตั้งนี้</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="88"/>
        <source>Local users</source>
        <translation>ผู้ใช้ในเครื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="92"/>
        <source>New user&apos;s name</source>
        <translation>ชื่อผู้ใช้ใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="93"/>
        <source>&amp;Name:</source>
        <translation>ชื่อ (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="97"/>
        <source>New user&apos;s role</source>
        <translation>บทบาทของผู้ใช้ใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="98"/>
        <source>R&amp;ole:</source>
        <translation>บทบาท (&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="100"/>
        <source>New user&apos;s agency</source>
        <translation>หน่วยงานของผู้ใช้ใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="101"/>
        <source>Agenc&amp;y:</source>
        <translation>หน่วยงาน (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="104"/>
        <source>New user&apos;s passphrase</source>
        <translation>วลีรหัสผ่านของผู้ใช้ใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="105"/>
        <source>P&amp;assphrase:</source>
        <translation>วลีรหัสผ่าน (&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="108"/>
        <source>Repeat the passphrase</source>
        <translation>ใส่วลีรหัสผ่านอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="109"/>
        <source>Rep&amp;eat:</source>
        <translation>ใส่อีกครั้ง (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="111"/>
        <source>Strength:</source>
        <translation>ความแข็งแรง:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="112"/>
        <source>A&amp;dd user</source>
        <translation>เพิ่มผู้ใช้ (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="146"/>
        <source>Reading users</source>
        <translation>กำลังอ่านรายชื่อผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="160"/>
        <source>Not connected. Load the provisioning file your agency gave you.</source>
        <translation>ยังไม่ได้เชื่อมต่อ โหลดไฟล์ตั้งค่าที่หน่วยงานให้คุณมา</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="164"/>
        <source>Connected to %1; you are enrolled.</source>
        <translation>เชื่อมต่อกับ %1 แล้ว คุณลงทะเบียนแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="168"/>
        <source>Connected to %1; enter your enrolment code to be able to sync.</source>
        <translation>เชื่อมต่อกับ %1 แล้ว ใส่รหัสลงทะเบียนเพื่อให้ซิงค์ได้</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="178"/>
        <source>Agency provisioning file</source>
        <translation>ไฟล์ตั้งค่าของหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="180"/>
        <source>Provisioning files (*.json);;All files (*)</source>
        <translation>ไฟล์ตั้งค่า (*.json);;ไฟล์ทั้งหมด (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="190"/>
        <source>Reading the provisioning file…</source>
        <translation>กำลังอ่านไฟล์ตั้งค่า…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="193"/>
        <source>Connected to %1.</source>
        <translation>เชื่อมต่อกับ %1 แล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="195"/>
        <source>Connecting to the portal</source>
        <translation>กำลังเชื่อมต่อพอร์ทัล</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="203"/>
        <source>Type the one-time code first.</source>
        <translation>พิมพ์รหัสใช้ครั้งเดียวก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="206"/>
        <source>Enrolling…</source>
        <translation>กำลังลงทะเบียน…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="211"/>
        <source>Enrolling</source>
        <translation>กำลังลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="226"/>
        <source>The two passphrases differ.</source>
        <translation>วลีรหัสผ่านทั้งสองไม่ตรงกัน</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="237"/>
        <source>Adding…</source>
        <translation>กำลังเพิ่ม…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="242"/>
        <source>Adding user</source>
        <translation>กำลังเพิ่มผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="250"/>
        <source>%1 can now unlock this installation.</source>
        <translation>ตอนนี้ %1 ปลดล็อกการติดตั้งนี้ได้แล้ว</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <location filename="../../ui/signing.py" line="37"/>
        <source>Sign and submit this report?</source>
        <translation>ลงนามและส่งรายงานนี้หรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="38"/>
        <source>Sign the approval?</source>
        <translation>ลงนามการอนุมัติหรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="39"/>
        <source>Sign the return to the author?</source>
        <translation>ลงนามการส่งคืนให้ผู้เขียนหรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="42"/>
        <source>&amp;Sign and submit</source>
        <translation>ลงนามและส่ง (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="43"/>
        <source>&amp;Sign the approval</source>
        <translation>ลงนามการอนุมัติ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="44"/>
        <source>&amp;Sign and return</source>
        <translation>ลงนามและส่งคืน (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="50"/>
        <source>Your signature covers exactly what is listed here. Check it before signing.</source>
        <translation>ลายมือชื่อของคุณครอบคลุมเฉพาะสิ่งที่แสดงไว้ที่นี่ โปรดตรวจสอบก่อนลงนาม</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="57"/>
        <source>Report:</source>
        <translation>รายงาน:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="59"/>
        <source>Contents:</source>
        <translation>เนื้อหา:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="60"/>
        <source>no TLP label</source>
        <translation>ไม่มีป้าย TLP</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="62"/>
        <source>TLP label</source>
        <translation>ป้าย TLP</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="66"/>
        <source>TLP:</source>
        <translation>TLP:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="68"/>
        <source>Who receives it</source>
        <translation>ผู้ที่จะได้รับ</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="69"/>
        <source>Goes to:</source>
        <translation>ส่งถึง:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="74"/>
        <source>Legal basis:</source>
        <translation>ฐานทางกฎหมาย:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="76"/>
        <source>may be passed to third parties</source>
        <translation>ส่งต่อให้บุคคลที่สามได้</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="78"/>
        <source>not to be passed to third parties</source>
        <translation>ห้ามส่งต่อให้บุคคลที่สาม</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="80"/>
        <source>Third parties:</source>
        <translation>บุคคลที่สาม:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="84"/>
        <source>Comment:</source>
        <translation>ความเห็น:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="86"/>
        <source>Signed with:</source>
        <translation>ลงนามด้วย:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="95"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="125"/>
        <source>no kind</source>
        <translation>ไม่ระบุประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="128"/>
        <source>observed %1</source>
        <translation>พบเมื่อ %1</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="131"/>
        <source>version %1</source>
        <translation>ฉบับที่ %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signing.py" line="138"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n คน</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signing.py" line="139"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>เอกสาร %n ฉบับ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signing.py" line="140"/>
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>ไฟล์แนบ %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="146"/>
        <source>no key</source>
        <translation>ไม่มีกุญแจ</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="147"/>
        <source>%1 (%2), key %3</source>
        <translation>%1 (%2) กุญแจ %3</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="150"/>
        <source>(created on this device, not yet certified by the portal)</source>
        <translation>(สร้างบนอุปกรณ์นี้ ยังไม่ได้รับการรับรองจากพอร์ทัล)</translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <location filename="../../ui/unlock_window.py" line="64"/>
        <source>too short</source>
        <translation>สั้นเกินไป</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="65"/>
        <source>weak</source>
        <translation>อ่อน</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="66"/>
        <source>fair</source>
        <translation>พอใช้</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="67"/>
        <source>good</source>
        <translation>ดี</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="68"/>
        <source>strong</source>
        <translation>แข็งแรง</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../ui/unlock_window.py" line="88"/>
        <source>Passphrase strength</source>
        <translation>ความแข็งแรงของวลีรหัสผ่าน</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="239"/>
        <source>%1 s</source>
        <translation>%1 วินาที</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="241"/>
        <source>%1 min</source>
        <translation>%1 นาที</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="242"/>
        <source>%1 h</source>
        <translation>%1 ชั่วโมง</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="254"/>
        <source>%1/s</source>
        <translation>%1/วินาที</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="257"/>
        <source>%1, about %2 left</source>
        <translation>%1 เหลืออีกประมาณ %2</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="267"/>
        <source>Sync: not set up</source>
        <translation>ซิงค์: ยังไม่ได้ตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="269"/>
        <source>Sync: starting…</source>
        <translation>ซิงค์: กำลังเริ่ม…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="272"/>
        <source>Online</source>
        <translation>ออนไลน์</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="273"/>
        <source>Offline</source>
        <translation>ออฟไลน์</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="274"/>
        <source>Link unknown</source>
        <translation>ไม่ทราบสถานะการเชื่อมต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="278"/>
        <source>%1 waiting</source>
        <translation>รอส่ง %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="281"/>
        <source>%1 refused</source>
        <translation>ถูกปฏิเสธ %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="283"/>
        <source>syncing…</source>
        <translation>กำลังซิงค์…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="286"/>
        <source>next try in %1 s</source>
        <translation>ลองใหม่ในอีก %1 วินาที</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="253"/>
        <source>measuring the speed…</source>
        <translation>กำลังวัดความเร็ว…</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="304"/>
        <source>Sync state</source>
        <translation>สถานะการซิงค์</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="310"/>
        <source>Sync now</source>
        <translation>ซิงค์เดี๋ยวนี้</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="311"/>
        <source>Sync now (F5)</source>
        <translation>ซิงค์เดี๋ยวนี้ (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="313"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="340"/>
        <source>Last error: %1</source>
        <translation>ข้อผิดพลาดล่าสุด: %1</translation>
    </message>
</context>
<context>
    <name>TransitRow</name>
    <message>
        <location filename="../../ui/editor.py" line="312"/>
        <source>transit country</source>
        <translation>ประเทศที่ผ่าน</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="315"/>
        <location filename="../../ui/editor.py" line="316"/>
        <source>Transit country</source>
        <translation>ประเทศที่ผ่าน</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../ui/unlock_window.py" line="128"/>
        <source>Outpost — set up</source>
        <translation>Outpost — ตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="128"/>
        <source>Outpost — unlock</source>
        <translation>Outpost — ปลดล็อก</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="144"/>
        <source>Create the first user of this installation.</source>
        <translation>สร้างผู้ใช้คนแรกของการติดตั้งนี้</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="146"/>
        <source>Enter your user name and passphrase to unlock.</source>
        <translation>ใส่ชื่อผู้ใช้และวลีรหัสผ่านเพื่อปลดล็อก</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="158"/>
        <source>User name</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="164"/>
        <source>&amp;User name:</source>
        <translation>ชื่อผู้ใช้ (&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="167"/>
        <source>Passphrase</source>
        <translation>วลีรหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="168"/>
        <source>&amp;Passphrase:</source>
        <translation>วลีรหัสผ่าน (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="179"/>
        <source>Repeat passphrase</source>
        <translation>ใส่วลีรหัสผ่านอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="180"/>
        <source>&amp;Repeat:</source>
        <translation>ใส่อีกครั้ง (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="181"/>
        <source>Strength:</source>
        <translation>ความแข็งแรง:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="183"/>
        <source>Officer</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="184"/>
        <source>Organisational focal point</source>
        <translation>ผู้ประสานงานระดับหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="185"/>
        <source>National focal point</source>
        <translation>ผู้ประสานงานระดับประเทศ</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="186"/>
        <source>R&amp;ole:</source>
        <translation>บทบาท (&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="187"/>
        <source>Agency code</source>
        <translation>รหัสหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="188"/>
        <source>&amp;Agency code:</source>
        <translation>รหัสหน่วยงาน (&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="191"/>
        <source>Choose the provisioning &amp;file…</source>
        <translation>เลือกไฟล์ตั้งค่าของหน่วยงาน… (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="192"/>
        <location filename="../../ui/unlock_window.py" line="273"/>
        <location filename="../../ui/unlock_window.py" line="322"/>
        <source>Agency provisioning file</source>
        <translation>ไฟล์ตั้งค่าของหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="194"/>
        <source>Portal (optional):</source>
        <translation>พอร์ทัล (ไม่บังคับ):</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="198"/>
        <source>Enrolment code</source>
        <translation>รหัสลงทะเบียน</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="199"/>
        <source>one-time code from your focal point</source>
        <translation>รหัสใช้ครั้งเดียวจากผู้ประสานงานของคุณ</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="200"/>
        <source>&amp;Enrolment code:</source>
        <translation>รหัสลงทะเบียน (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="201"/>
        <source>Create</source>
        <translation>สร้าง</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="201"/>
        <source>Unlock</source>
        <translation>ปลดล็อก</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="205"/>
        <source>&amp;Back</source>
        <translation>ย้อนกลับ (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="206"/>
        <source>Back to the language and the provisioning file</source>
        <translation>กลับไปที่การเลือกภาษาและไฟล์ตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="236"/>
        <source>&amp;Language:</source>
        <translation>ภาษา (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="251"/>
        <source>Welcome to Outpost</source>
        <translation>ยินดีต้อนรับสู่ Outpost</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="259"/>
        <source>Outpost is where you write reports on what you observe at your crossing point and send them to your agency. It works offline: reports are kept encrypted on this computer and are sent when there is a connection. To set it up you need the provisioning file from your agency (or try a demo with synthetic data first); then you choose a user name and a passphrase.</source>
        <translation>Outpost ใช้เขียนรายงานสิ่งที่คุณพบเห็นที่จุดผ่านแดนของคุณและส่งไปยังหน่วยงานของคุณ ทำงานได้แม้ไม่มีอินเทอร์เน็ต: รายงานถูกเก็บแบบเข้ารหัสในเครื่องนี้และจะส่งออกไปเมื่อมีการเชื่อมต่อ ในการตั้งค่า คุณต้องมีไฟล์ตั้งค่าจากหน่วยงานของคุณ (หรือลองใช้การติดตั้งสาธิตที่มีข้อมูลจำลองก่อนก็ได้) จากนั้นจึงเลือกชื่อผู้ใช้และวลีรหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="272"/>
        <source>Load the agency&apos;s &amp;provisioning file…</source>
        <translation>โหลดไฟล์ตั้งค่าของหน่วยงาน… (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="279"/>
        <source>Create a &amp;demo installation instead</source>
        <translation>สร้างการติดตั้งสาธิตแทน (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="281"/>
        <source>Two demo users and about 200 synthetic reports, clearly marked [SYNTHETIC]</source>
        <translation>ผู้ใช้สาธิตสองคนและรายงานจำลองประมาณ 200 ฉบับ มีเครื่องหมาย [SYNTHETIC] ชัดเจน</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="285"/>
        <source>Set up &amp;without a provisioning file</source>
        <translation>ตั้งค่าโดยไม่มีไฟล์ตั้งค่า (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="287"/>
        <source>You type your agency code; the portal can be connected later in Settings</source>
        <translation>คุณพิมพ์รหัสหน่วยงานเอง เชื่อมต่อพอร์ทัลภายหลังได้ในหน้าการตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="324"/>
        <source>Provisioning files (*.json);;All files (*)</source>
        <translation>ไฟล์ตั้งค่า (*.json);;ไฟล์ทั้งหมด (*)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="351"/>
        <source>Portal %1 at %2, agency %3.</source>
        <translation>พอร์ทัล %1 ที่ %2 หน่วยงาน %3</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="359"/>
        <source>Found the provisioning file of agency %1.</source>
        <translation>พบไฟล์ตั้งค่าของหน่วยงาน %1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="362"/>
        <source>Continue with this &amp;provisioning file</source>
        <translation>ใช้ไฟล์ตั้งค่านี้ต่อ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="370"/>
        <source>The two passphrases differ.</source>
        <translation>วลีรหัสผ่านทั้งสองไม่ตรงกัน</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="380"/>
        <source>Enter your agency code (from your focal point).</source>
        <translation>ใส่รหัสหน่วยงานของคุณ (จากผู้ประสานงาน)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="405"/>
        <source>Working…</source>
        <translation>กำลังดำเนินการ…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="414"/>
        <source>The installation was created, but connecting to the portal failed: %1 You can try again in Settings.</source>
        <translation>สร้างการติดตั้งแล้ว แต่เชื่อมต่อพอร์ทัลไม่สำเร็จ: %1 ลองใหม่ได้ในหน้าการตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="419"/>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/unlock_window.py" line="448"/>
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>ลองใหม่ได้ในอีก %n วินาที</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <location filename="../../ui/editor.py" line="178"/>
        <source>Remove this %1</source>
        <translation>นำ%1นี้ออก</translation>
    </message>
</context>
<context>
    <name>codelist</name>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>Irregular crossing</source>
        <translation>การข้ามแดนโดยไม่ชอบด้วยกฎหมาย</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>Crossing or attempted crossing outside the legal conditions or away from an official crossing point.</source>
        <translation>การข้ามหรือพยายามข้ามแดนนอกเงื่อนไขที่กฎหมายกำหนด หรือนอกจุดผ่านแดนที่เป็นทางการ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>People smuggling</source>
        <translation>การลักลอบนำคนเข้าเมือง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Facilitation of irregular entry or stay for a financial or other material benefit.</source>
        <translation>การช่วยให้เข้าเมืองหรือพำนักโดยไม่ชอบด้วยกฎหมายเพื่อประโยชน์ทางการเงินหรือทางวัตถุอื่น</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Trafficking in persons</source>
        <translation>การค้ามนุษย์</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Recruitment, transport or harbouring of persons by coercion or deception for exploitation.</source>
        <translation>การจัดหา ขนส่ง หรือให้ที่พักพิงแก่บุคคลโดยการบังคับหรือหลอกลวงเพื่อแสวงประโยชน์</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Document fraud</source>
        <translation>การปลอมแปลงเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Use or attempted use of a false, altered or fraudulently obtained document.</source>
        <translation>การใช้หรือพยายามใช้เอกสารปลอม เอกสารที่ถูกแก้ไข หรือเอกสารที่ได้มาโดยทุจริต</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Modus operandi / trend</source>
        <translation>รูปแบบการกระทำผิด / แนวโน้ม</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>A method, route or trend observed, not tied to one group of persons.</source>
        <translation>วิธีการ เส้นทาง หรือแนวโน้มที่พบ ซึ่งไม่ผูกกับบุคคลกลุ่มใดกลุ่มหนึ่ง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Other</source>
        <translation>อื่น ๆ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Migrant</source>
        <translation>ผู้ย้ายถิ่น</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Person moving irregularly, including smuggled migrants.</source>
        <translation>บุคคลที่เดินทางโดยไม่ชอบด้วยกฎหมาย รวมถึงผู้ที่ถูกลักลอบนำเข้าเมือง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Presumed victim of trafficking</source>
        <translation>ผู้ที่อาจเป็นผู้เสียหายจากการค้ามนุษย์</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Person with indicators of trafficking; the status is not yet established.</source>
        <translation>บุคคลที่มีข้อบ่งชี้ของการค้ามนุษย์ ยังไม่ได้ยืนยันสถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Suspected smuggler</source>
        <translation>ผู้ต้องสงสัยลักลอบนำคนเข้าเมือง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Person suspected of organising or carrying out smuggling.</source>
        <translation>บุคคลที่ต้องสงสัยว่าจัดการหรือดำเนินการลักลอบนำคนเข้าเมือง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>Facilitator</source>
        <translation>ผู้อำนวยความสะดวก</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Person helping in a supporting role: driver, guide, boat operator, document supplier.</source>
        <translation>บุคคลที่ช่วยในบทบาทสนับสนุน เช่น คนขับรถ คนนำทาง คนขับเรือ ผู้จัดหาเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54"/>
        <source>Female</source>
        <translation>หญิง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>Male</source>
        <translation>ชาย</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>Unknown</source>
        <translation>ไม่ทราบ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>0–11 (child)</source>
        <translation>0–11 (เด็ก)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>12–17 (adolescent)</source>
        <translation>12–17 (วัยรุ่น)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>18–25</source>
        <translation>18–25 ปี</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>26–35</source>
        <translation>26–35 ปี</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>36–49</source>
        <translation>36–49 ปี</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>50–64</source>
        <translation>50–64 ปี</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>65 and over</source>
        <translation>65 ปีขึ้นไป</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>Passport</source>
        <translation>หนังสือเดินทาง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>Ordinary national passport (ICAO Doc 9303 machine readable passport).</source>
        <translation>หนังสือเดินทางธรรมดาของประเทศ (หนังสือเดินทางแบบอ่านด้วยเครื่องตาม ICAO Doc 9303)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Diplomatic passport</source>
        <translation>หนังสือเดินทางทูต</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>Service / official passport</source>
        <translation>หนังสือเดินทางราชการ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>Emergency travel document</source>
        <translation>เอกสารเดินทางฉุกเฉิน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>Temporary document for a single journey, often to return home.</source>
        <translation>เอกสารชั่วคราวสำหรับการเดินทางครั้งเดียว มักใช้เพื่อเดินทางกลับประเทศ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>Refugee travel document</source>
        <translation>เอกสารเดินทางผู้ลี้ภัย</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>Convention travel document issued to a recognised refugee.</source>
        <translation>เอกสารเดินทางตามอนุสัญญาที่ออกให้ผู้ลี้ภัยที่ได้รับการรับรอง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Identity card</source>
        <translation>บัตรประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>National identity card, where accepted for travel (ICAO Doc 9303 machine readable official travel document).</source>
        <translation>บัตรประจำตัวประชาชนในกรณีที่ใช้เดินทางได้ (เอกสารเดินทางราชการแบบอ่านด้วยเครื่องตาม ICAO Doc 9303)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>Visa</source>
        <translation>วีซ่า</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Visa sticker or electronic visa (ICAO Doc 9303 machine readable visa).</source>
        <translation>สติกเกอร์วีซ่าหรือวีซ่าอิเล็กทรอนิกส์ (วีซ่าแบบอ่านด้วยเครื่องตาม ICAO Doc 9303)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Residence permit</source>
        <translation>ใบอนุญาตพำนัก</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>Border pass</source>
        <translation>บัตรผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87"/>
        <source>Local border-traffic pass for residents of the border area.</source>
        <translation>บัตรผ่านแดนท้องถิ่นสำหรับผู้อาศัยในพื้นที่ชายแดน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>Seafarer&apos;s identity document</source>
        <translation>เอกสารประจำตัวคนประจำเรือ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89"/>
        <source>Identity document for seafarers (ILO Convention No. 185).</source>
        <translation>เอกสารประจำตัวสำหรับคนประจำเรือ (อนุสัญญา ILO ฉบับที่ 185)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>Laissez-passer</source>
        <translation>เอกสารผ่านทาง (Laissez-passer)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>Travel document issued by an international organisation, e.g. the United Nations.</source>
        <translation>เอกสารเดินทางที่องค์การระหว่างประเทศออกให้ เช่น สหประชาชาติ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="96"/>
        <source>Counterfeit</source>
        <translation>ปลอมทั้งฉบับ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="97"/>
        <source>Complete reproduction of a genuine document, not made by the issuing authority.</source>
        <translation>การทำซ้ำเอกสารจริงทั้งฉบับ โดยไม่ได้ผลิตโดยหน่วยงานผู้ออก</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>Forged</source>
        <translation>แก้ไขดัดแปลง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>Genuine document with unauthorised changes: data altered, photo or pages substituted.</source>
        <translation>เอกสารจริงที่ถูกเปลี่ยนแปลงโดยไม่ได้รับอนุญาต เช่น แก้ข้อมูล เปลี่ยนรูปถ่ายหรือหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="106"/>
        <source>Fraudulently obtained genuine</source>
        <translation>เอกสารจริงที่ได้มาโดยทุจริต</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>Genuine document issued on the basis of false information or false supporting documents.</source>
        <translation>เอกสารจริงที่ออกให้โดยอาศัยข้อมูลเท็จหรือเอกสารประกอบปลอม</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111"/>
        <source>Impostor / look-alike</source>
        <translation>สวมตัว / หน้าคล้าย</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>Genuine, unaltered document used by someone resembling the rightful holder.</source>
        <translation>เอกสารจริงที่ไม่ถูกแก้ไข แต่ผู้ใช้เป็นคนที่หน้าคล้ายผู้ถือที่แท้จริง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="115"/>
        <source>Pseudo / fantasy document</source>
        <translation>เอกสารเทียม / เอกสารเพ้อฝัน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="116"/>
        <source>Document of a non-existent state or authority, or of a type the authority does not issue.</source>
        <translation>เอกสารของรัฐหรือหน่วยงานที่ไม่มีอยู่จริง หรือประเภทที่หน่วยงานนั้นไม่ได้ออก</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120"/>
        <source>Stolen blank</source>
        <translation>เอกสารเปล่าที่ถูกขโมย</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>Genuine blank stolen before issue and personalised without authority.</source>
        <translation>แบบเอกสารจริงที่ถูกขโมยก่อนออก แล้วใส่ข้อมูลบุคคลโดยไม่ได้รับอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="124"/>
        <source>No fraud detected</source>
        <translation>ไม่พบการปลอม</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="125"/>
        <source>Document examined; no sign of fraud found.</source>
        <translation>ตรวจเอกสารแล้ว ไม่พบร่องรอยการปลอม</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="127"/>
        <source>Photo substitution</source>
        <translation>เปลี่ยนรูปถ่าย</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128"/>
        <source>Data page alteration</source>
        <translation>แก้ไขหน้าข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129"/>
        <source>Biographical data erased, overwritten or changed.</source>
        <translation>ข้อมูลบุคคลถูกลบ เขียนทับ หรือเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130"/>
        <source>Page substitution</source>
        <translation>เปลี่ยนหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="131"/>
        <source>Pages removed, added or exchanged.</source>
        <translation>มีการนำหน้าออก เพิ่ม หรือสลับหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132"/>
        <source>Binding tampering</source>
        <translation>ดัดแปลงการเย็บเล่ม</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="133"/>
        <source>Stitching or binding reworked.</source>
        <translation>มีการเย็บหรือเข้าเล่มใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="134"/>
        <source>Laminate tampering</source>
        <translation>ดัดแปลงแผ่นเคลือบ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="135"/>
        <source>Protective laminate lifted, cut or replaced.</source>
        <translation>แผ่นเคลือบป้องกันถูกลอก ตัด หรือเปลี่ยน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="136"/>
        <source>Fake visa</source>
        <translation>วีซ่าปลอม</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137"/>
        <source>Fake entry stamp</source>
        <translation>ตราประทับขาเข้าปลอม</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138"/>
        <source>Fake exit stamp</source>
        <translation>ตราประทับขาออกปลอม</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="139"/>
        <source>Missing security thread</source>
        <translation>ไม่มีแถบความปลอดภัย</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="140"/>
        <source>Hologram missing or wrong</source>
        <translation>ไม่มีโฮโลแกรมหรือโฮโลแกรมไม่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="141"/>
        <source>Optically variable feature missing, flat or not matching the specimen.</source>
        <translation>ไม่มีลักษณะเปลี่ยนสีตามมุมมอง หรือแบนราบ หรือไม่ตรงกับตัวอย่าง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144"/>
        <source>Poor printing quality</source>
        <translation>คุณภาพการพิมพ์ต่ำ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="145"/>
        <source>Blurred lines, screen dots or colour shifts where fine printing is expected.</source>
        <translation>เส้นพร่า มีจุดสกรีน หรือสีเพี้ยนในส่วนที่ควรพิมพ์ละเอียด</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>Wrong UV reaction</source>
        <translation>ปฏิกิริยาต่อแสง UV ไม่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>Paper fluoresces or UV features missing or not matching the specimen.</source>
        <translation>กระดาษเรืองแสง หรือไม่มีลักษณะภายใต้แสง UV หรือไม่ตรงกับตัวอย่าง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>MRZ inconsistent</source>
        <translation>แถบ MRZ ไม่สอดคล้อง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="153"/>
        <source>Machine readable zone does not match the visual zone or its check digits fail.</source>
        <translation>ส่วนที่อ่านด้วยเครื่องไม่ตรงกับส่วนที่มองเห็น หรือเลขตรวจสอบไม่ผ่าน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="156"/>
        <source>Chip unreadable or invalid</source>
        <translation>ชิปอ่านไม่ได้หรือไม่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>Electronic chip missing, unreadable or failing signature checks.</source>
        <translation>ไม่มีชิปอิเล็กทรอนิกส์ อ่านไม่ได้ หรือตรวจลายมือชื่อไม่ผ่าน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="161"/>
        <source>On foot</source>
        <translation>เดินเท้า</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>Road</source>
        <translation>ทางถนน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="163"/>
        <source>Rail</source>
        <translation>ทางรถไฟ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="164"/>
        <source>Boat</source>
        <translation>ทางเรือ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="165"/>
        <source>Air</source>
        <translation>ทางอากาศ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="166"/>
        <source>Mixed</source>
        <translation>หลายรูปแบบ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="168"/>
        <source>Concealment in vehicle</source>
        <translation>ซ่อนในยานพาหนะ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="169"/>
        <source>Persons hidden in a car, van, bus or truck compartment.</source>
        <translation>บุคคลซ่อนอยู่ในช่องของรถยนต์ รถตู้ รถโดยสาร หรือรถบรรทุก</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="170"/>
        <source>Concealment in cargo</source>
        <translation>ซ่อนในสินค้า</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="171"/>
        <source>Persons hidden among goods or in containers.</source>
        <translation>บุคคลซ่อนอยู่ในกองสินค้าหรือในตู้คอนเทนเนอร์</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="172"/>
        <source>River crossing</source>
        <translation>ข้ามแม่น้ำ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="173"/>
        <source>Crossing a border river by small boat, raft or wading.</source>
        <translation>ข้ามแม่น้ำชายแดนด้วยเรือเล็ก แพ หรือเดินลุยน้ำ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="174"/>
        <source>Forest or hill path</source>
        <translation>ทางป่าหรือทางเขา</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="175"/>
        <source>Unofficial path through forest or hills away from a crossing point.</source>
        <translation>ทางที่ไม่เป็นทางการผ่านป่าหรือเขา ห่างจากจุดผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="178"/>
        <source>Boat landing</source>
        <translation>ขึ้นฝั่งจากเรือ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="179"/>
        <source>Landing from a boat at an unofficial point on the coast.</source>
        <translation>ขึ้นฝั่งจากเรือ ณ จุดที่ไม่เป็นทางการตามชายฝั่ง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="180"/>
        <source>Guided group</source>
        <translation>กลุ่มที่มีคนนำทาง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="181"/>
        <source>Group led across by a guide who knows the terrain and patrol times.</source>
        <translation>กลุ่มที่มีคนนำทางซึ่งรู้จักภูมิประเทศและเวลาลาดตระเวน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="184"/>
        <source>Relay transport</source>
        <translation>ขนส่งแบบส่งต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="185"/>
        <source>Persons handed over between several drivers or vehicles along the route.</source>
        <translation>บุคคลถูกส่งต่อระหว่างคนขับหรือยานพาหนะหลายคันตลอดเส้นทาง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="188"/>
        <source>Safe house</source>
        <translation>บ้านพักพิง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="189"/>
        <source>Persons held at a staging house before or after the crossing.</source>
        <translation>บุคคลถูกพักไว้ที่บ้านพักก่อนหรือหลังการข้ามแดน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="190"/>
        <source>Fraudulent job offer</source>
        <translation>การเสนองานหลอกลวง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="191"/>
        <source>Recruitment with a job offer that is false or misleading.</source>
        <translation>การชักชวนด้วยข้อเสนองานที่เป็นเท็จหรือทำให้เข้าใจผิด</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="192"/>
        <source>Debt bondage</source>
        <translation>การใช้หนี้เป็นพันธนาการ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="193"/>
        <source>Travel costs turned into a debt to be worked off.</source>
        <translation>ค่าเดินทางถูกเปลี่ยนเป็นหนี้ที่ต้องทำงานใช้</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="194"/>
        <source>Document withholding</source>
        <translation>การยึดเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="195"/>
        <source>Identity or travel documents kept by an employer, recruiter or smuggler.</source>
        <translation>เอกสารประจำตัวหรือเอกสารเดินทางถูกนายจ้าง ผู้จัดหางาน หรือผู้ลักลอบยึดไว้</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="198"/>
        <source>Look-alike document</source>
        <translation>ใช้เอกสารของคนหน้าคล้าย</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="199"/>
        <source>Genuine document of another person who looks similar.</source>
        <translation>เอกสารจริงของบุคคลอื่นที่หน้าตาคล้ายกัน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="200"/>
        <source>Visa misuse</source>
        <translation>ใช้วีซ่าผิดวัตถุประสงค์</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="201"/>
        <source>Tourist or visit visa used to enter for work or onward travel.</source>
        <translation>ใช้วีซ่าท่องเที่ยวหรือเยี่ยมเยือนเพื่อเข้ามาทำงานหรือเดินทางต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="202"/>
        <source>Overstay</source>
        <translation>อยู่เกินกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="203"/>
        <source>Stay beyond the permitted period.</source>
        <translation>พำนักเกินระยะเวลาที่ได้รับอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="204"/>
        <source>Sham marriage</source>
        <translation>การสมรสอำพราง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="205"/>
        <source>Marriage of convenience to obtain residence rights.</source>
        <translation>การสมรสเพื่อให้ได้สิทธิพำนัก</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="206"/>
        <source>Online recruitment</source>
        <translation>การชักชวนทางออนไลน์</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="207"/>
        <source>Contact and recruitment through social media or messaging apps.</source>
        <translation>การติดต่อและชักชวนผ่านสื่อสังคมออนไลน์หรือแอปส่งข้อความ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="210"/>
        <source>Payment on arrival</source>
        <translation>จ่ายเงินเมื่อถึงปลายทาง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="211"/>
        <source>Fee paid by relatives once the person has arrived.</source>
        <translation>ญาติเป็นผู้จ่ายค่าใช้จ่ายเมื่อบุคคลเดินทางถึงแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="212"/>
        <source>Informal value transfer</source>
        <translation>การโอนเงินนอกระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="213"/>
        <source>Payment through informal transfer networks or mobile money.</source>
        <translation>การชำระเงินผ่านเครือข่ายโอนเงินนอกระบบหรือเงินผ่านโทรศัพท์มือถือ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="214"/>
        <source>Bribery attempt</source>
        <translation>พยายามติดสินบน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="215"/>
        <source>Attempt to bribe an official to allow passage.</source>
        <translation>พยายามติดสินบนเจ้าหน้าที่เพื่อให้ผ่านแดน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="216"/>
        <source>Lookouts</source>
        <translation>คนดูต้นทาง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="217"/>
        <source>Lookouts or scouts watching patrols to time the crossing.</source>
        <translation>คนดูต้นทางหรือคนสอดแนมเฝ้าดูการลาดตระเวนเพื่อกำหนดเวลาข้ามแดน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="218"/>
        <source>Escorted minors</source>
        <translation>ผู้เยาว์ที่มีผู้พาไป</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="219"/>
        <source>Children travelling with adults who are not their parents or guardians.</source>
        <translation>เด็กเดินทางกับผู้ใหญ่ที่ไม่ใช่บิดามารดาหรือผู้ปกครอง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="223"/>
        <source>TLP:CLEAR</source>
        <translation>TLP:CLEAR</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="224"/>
        <source>Disclosure is not limited: recipients may pass it on to anyone. Ordinary copyright rules still apply.</source>
        <translation>ไม่จำกัดการเปิดเผย ผู้รับส่งต่อให้ใครก็ได้ แต่ยังต้องเคารพลิขสิทธิ์ตามปกติ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="228"/>
        <source>TLP:GREEN</source>
        <translation>TLP:GREEN</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="229"/>
        <source>Limited disclosure within the community: recipients may share it with peers and partner organisations, but not through public channels.</source>
        <translation>เปิดเผยได้จำกัดภายในชุมชน ผู้รับแบ่งปันกับเพื่อนร่วมงานและองค์กรพันธมิตรได้ แต่ห้ามเผยแพร่ผ่านช่องทางสาธารณะ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="233"/>
        <source>TLP:AMBER</source>
        <translation>TLP:AMBER</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="234"/>
        <source>Limited disclosure: recipients may share it only on a need-to-know basis within their own organisation and with its clients.</source>
        <translation>เปิดเผยได้จำกัด ผู้รับแบ่งปันได้เฉพาะผู้ที่จำเป็นต้องรู้ภายในองค์กรของตนและลูกค้าขององค์กร</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="238"/>
        <source>TLP:AMBER+STRICT</source>
        <translation>TLP:AMBER+STRICT</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="239"/>
        <source>Limited disclosure, organisation only: recipients may share it on a need-to-know basis within their own organisation, not with its clients.</source>
        <translation>เปิดเผยได้จำกัดเฉพาะภายในองค์กร ผู้รับแบ่งปันได้เฉพาะผู้ที่จำเป็นต้องรู้ภายในองค์กรของตน ไม่รวมลูกค้า</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="243"/>
        <source>TLP:RED</source>
        <translation>TLP:RED</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="244"/>
        <source>For the named recipients only: no further disclosure, not even inside their own organisation.</source>
        <translation>สำหรับผู้รับที่ระบุชื่อเท่านั้น ห้ามเปิดเผยต่อ แม้แต่ภายในองค์กรของตนเอง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="249"/>
        <source>Completely reliable</source>
        <translation>น่าเชื่อถือทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="250"/>
        <source>No doubt about authenticity, trustworthiness or competence; a history of complete reliability.</source>
        <translation>ไม่มีข้อสงสัยในความแท้จริง ความไว้วางใจ หรือความสามารถ มีประวัติน่าเชื่อถือตลอดมา</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="254"/>
        <source>Usually reliable</source>
        <translation>น่าเชื่อถือโดยทั่วไป</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="255"/>
        <source>Minor doubts; a history of mostly valid information.</source>
        <translation>มีข้อสงสัยเล็กน้อย มีประวัติให้ข้อมูลที่ถูกต้องเป็นส่วนใหญ่</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="256"/>
        <source>Fairly reliable</source>
        <translation>ค่อนข้างน่าเชื่อถือ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="257"/>
        <source>Some doubts; has given valid information in the past.</source>
        <translation>มีข้อสงสัยบ้าง เคยให้ข้อมูลที่ถูกต้องมาก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="258"/>
        <source>Not usually reliable</source>
        <translation>มักไม่น่าเชื่อถือ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="259"/>
        <source>Significant doubts; has given valid information in the past.</source>
        <translation>มีข้อสงสัยมาก แม้เคยให้ข้อมูลที่ถูกต้องมาก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="260"/>
        <source>Unreliable</source>
        <translation>ไม่น่าเชื่อถือ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="261"/>
        <source>Lacks authenticity, trustworthiness and competence; a history of invalid information.</source>
        <translation>ขาดความแท้จริง ความไว้วางใจ และความสามารถ มีประวัติให้ข้อมูลที่ไม่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="265"/>
        <source>Reliability cannot be judged</source>
        <translation>ประเมินความน่าเชื่อถือไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="266"/>
        <source>No basis to evaluate the source.</source>
        <translation>ไม่มีพื้นฐานในการประเมินแหล่งข่าว</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="268"/>
        <source>Confirmed by other sources</source>
        <translation>ยืนยันโดยแหล่งอื่น</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="269"/>
        <source>Confirmed by independent sources; logical in itself; consistent with other information.</source>
        <translation>ยืนยันโดยแหล่งที่เป็นอิสระ สมเหตุสมผลในตัวเอง สอดคล้องกับข้อมูลอื่น</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="273"/>
        <source>Probably true</source>
        <translation>น่าจะจริง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="274"/>
        <source>Not confirmed; logical in itself; consistent with other information.</source>
        <translation>ยังไม่ยืนยัน สมเหตุสมผลในตัวเอง สอดคล้องกับข้อมูลอื่น</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="277"/>
        <source>Possibly true</source>
        <translation>อาจจะจริง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="278"/>
        <source>Not confirmed; reasonably logical; agrees with some other information.</source>
        <translation>ยังไม่ยืนยัน ค่อนข้างสมเหตุสมผล สอดคล้องกับข้อมูลอื่นบางส่วน</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="281"/>
        <source>Doubtful</source>
        <translation>น่าสงสัย</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="282"/>
        <source>Not confirmed; possible but not logical; no other information on the subject.</source>
        <translation>ยังไม่ยืนยัน เป็นไปได้แต่ไม่สมเหตุสมผล ไม่มีข้อมูลอื่นในเรื่องนี้</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="285"/>
        <source>Improbable</source>
        <translation>ไม่น่าจะจริง</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="286"/>
        <source>Not confirmed; not logical in itself; contradicted by other information.</source>
        <translation>ยังไม่ยืนยัน ไม่สมเหตุสมผลในตัวเอง ขัดแย้งกับข้อมูลอื่น</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="289"/>
        <source>Truth cannot be judged</source>
        <translation>ประเมินความจริงไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="290"/>
        <source>No basis to evaluate the validity of the information.</source>
        <translation>ไม่มีพื้นฐานในการประเมินความถูกต้องของข้อมูล</translation>
    </message>
</context>
<context>
    <name>role</name>
    <message>
        <location filename="../../ui/i18n.py" line="74"/>
        <source>Officer</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="75"/>
        <source>Organisational focal point</source>
        <translation>ผู้ประสานงานระดับหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="76"/>
        <source>National focal point</source>
        <translation>ผู้ประสานงานระดับประเทศ</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="85"/>
        <source>{certified} ({requested}: not certified yet)</source>
        <translation>{certified} ({requested}: ยังไม่ได้รับการรับรอง)</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../ui/i18n.py" line="62"/>
        <source>Draft</source>
        <translation>ฉบับร่าง</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="63"/>
        <source>Waiting for review</source>
        <translation>รอการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="64"/>
        <source>Approved</source>
        <translation>อนุมัติแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="65"/>
        <source>Returned</source>
        <translation>ส่งกลับ</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="66"/>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="67"/>
        <source>Acknowledged</source>
        <translation>ได้รับการตอบรับ</translation>
    </message>
</context>
</TS>
