<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../ui/controller.py" line="122"/>
        <source>Creating the demo installation…</source>
        <translation>Membuat instalasi demo…</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="125"/>
        <source>Creating synthetic reports: %1 of %2</source>
        <translation>Membuat laporan sintetis: %1 dari %2</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="142"/>
        <source>A demo installation with synthetic reports was created. Unlock it as one of these users (user / passphrase):</source>
        <translation>Instalasi demo dengan laporan sintetis telah dibuat. Buka kuncinya sebagai salah satu pengguna berikut (pengguna / frasa sandi):</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="197"/>
        <source>Connecting</source>
        <translation>Menghubungkan</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="278"/>
        <source>Locked. Enter your passphrase to continue.</source>
        <translation>Terkunci. Masukkan frasa sandi Anda untuk melanjutkan.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/audit_page.py" line="43"/>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="48"/>
        <source>Every change of state is recorded here, each entry chained to the one before it by its hash, so an edited or removed entry shows.</source>
        <translation>Setiap perubahan status dicatat di sini; setiap entri terkait dengan entri sebelumnya melalui hash-nya, sehingga entri yang diubah atau dihapus akan terlihat.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="60"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="61"/>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="62"/>
        <source>Who</source>
        <translation>Siapa</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="63"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="64"/>
        <source>Object</source>
        <translation>Objek</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="73"/>
        <source>Audit entries</source>
        <translation>Entri audit</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="77"/>
        <source>Entries shown</source>
        <translation>Entri yang ditampilkan</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="78"/>
        <source>Ne&amp;wer entries</source>
        <translation>Entri lebih ba&amp;ru</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="80"/>
        <source>&amp;Older entries</source>
        <translation>&amp;Entri lebih lama</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="91"/>
        <source>Result of the chain check</source>
        <translation>Hasil pemeriksaan rantai</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="92"/>
        <source>&amp;Verify the whole chain</source>
        <translation>&amp;Verifikasi seluruh rantai</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="101"/>
        <source>All actions</source>
        <translation>Semua tindakan</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="105"/>
        <source>Everyone</source>
        <translation>Semua pengguna</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="107"/>
        <source>its id, or the start of it</source>
        <translation>ID-nya, atau awal ID-nya</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="111"/>
        <source>YYYY-MM-DD</source>
        <translation>TTTT-BB-HH</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="114"/>
        <source>words in the entry&apos;s details</source>
        <translation>kata dalam rincian entri</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="116"/>
        <source>&amp;Action:</source>
        <translation>&amp;Tindakan:</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="117"/>
        <source>&amp;User:</source>
        <translation>&amp;Pengguna:</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="118"/>
        <source>&amp;Report:</source>
        <translation>&amp;Laporan:</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="119"/>
        <source>Fro&amp;m:</source>
        <translation>&amp;Dari:</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="120"/>
        <source>&amp;To:</source>
        <translation>Sa&amp;mpai:</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="121"/>
        <source>Co&amp;ntaining:</source>
        <translation>Men&amp;gandung:</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="132"/>
        <source>Show &amp;entries</source>
        <translation>T&amp;ampilkan entri</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="135"/>
        <source>&amp;Clear filter</source>
        <translation>&amp;Hapus filter</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="189"/>
        <source>Reading the log</source>
        <translation>Membaca log</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="208"/>
        <source>No entry matches this filter.</source>
        <translation>Tidak ada entri yang cocok dengan filter ini.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="211"/>
        <source>Entries %1–%2 of %3, newest first</source>
        <translation>Entri %1–%2 dari %3, terbaru lebih dulu</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="237"/>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="239"/>
        <source>Checking the chain</source>
        <translation>Memeriksa rantai</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="247"/>
        <source>The chain is intact: %1 entries verified.</source>
        <translation>Rantai utuh: %1 entri terverifikasi.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="253"/>
        <source>The chain is broken: </source>
        <translation>Rantai rusak: </translation>
    </message>
</context>
<context>
    <name>BulletinsPage</name>
    <message>
        <location filename="../../ui/bulletins_page.py" line="38"/>
        <source>Alerts &amp; bulletins</source>
        <translation>Peringatan &amp; buletin</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="43"/>
        <source>Search alerts and bulletins…</source>
        <translation>Cari peringatan dan buletin…</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="44"/>
        <source>Search alerts and bulletins</source>
        <translation>Cari peringatan dan buletin</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="47"/>
        <source>Kind of item</source>
        <translation>Jenis item</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="49"/>
        <source>Everything</source>
        <translation>Semua</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="50"/>
        <source>Alerts</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="51"/>
        <source>Bulletins</source>
        <translation>Buletin</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="52"/>
        <source>MOU templates</source>
        <translation>Templat MOU</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="53"/>
        <source>Document-fraud notices</source>
        <translation>Pemberitahuan pemalsuan dokumen</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="64"/>
        <source>Published</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="64"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="64"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="64"/>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="74"/>
        <source>Alerts and bulletins</source>
        <translation>Peringatan dan buletin</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="77"/>
        <source>Selected alert or bulletin</source>
        <translation>Peringatan atau buletin terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="83"/>
        <source>Nothing has been received from the portal yet. Alerts and bulletins arrive with the next sync and stay readable offline.</source>
        <translation>Belum ada yang diterima dari portal. Peringatan dan buletin datang pada sinkronisasi berikutnya dan tetap dapat dibaca secara luring.</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="116"/>
        <source>Searching</source>
        <translation>Mencari</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="128"/>
        <source>NEW</source>
        <translation>BARU</translation>
    </message>
    <message>
        <location filename="../../ui/bulletins_page.py" line="141"/>
        <location filename="../../ui/bulletins_page.py" line="180"/>
        <source>%1 new</source>
        <translation>%1 baru</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard_page.py" line="107"/>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="110"/>
        <source>Period summary as P&amp;DF…</source>
        <translation>Ringkasan periode sebagai P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="115"/>
        <source>waiting for review</source>
        <translation>menunggu peninjauan</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="116"/>
        <source>days the oldest has waited</source>
        <translation>hari yang terlama menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="117"/>
        <source>returned to authors</source>
        <translation>dikembalikan ke penulis</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="118"/>
        <source>items waiting to be sent</source>
        <translation>item menunggu dikirim</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="119"/>
        <source>refused by the portal</source>
        <translation>ditolak oleh portal</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="130"/>
        <location filename="../../ui/dashboard_page.py" line="136"/>
        <source>Reports by kind and month</source>
        <translation>Laporan menurut jenis dan bulan</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="133"/>
        <source>By crossing point (12 months)</source>
        <translation>Menurut pos lintas batas (12 bulan)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="134"/>
        <source>By nationality (top 10, 12 months)</source>
        <translation>Menurut kewarganegaraan (10 teratas, 12 bulan)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="135"/>
        <source>Queue health: reports by state</source>
        <translation>Kesehatan antrean: laporan menurut status</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="137"/>
        <source>Reports by crossing point</source>
        <translation>Laporan menurut pos lintas batas</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="138"/>
        <source>Reports by nationality</source>
        <translation>Laporan menurut kewarganegaraan</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="139"/>
        <source>Queue health</source>
        <translation>Kesehatan antrean</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_page.py" line="162"/>
        <source>Counting reports</source>
        <translation>Menghitung laporan</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <location filename="../../ui/editor.py" line="256"/>
        <source>document</source>
        <translation>dokumen</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="259"/>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="260"/>
        <source>Document type</source>
        <translation>Jenis dokumen</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="266"/>
        <location filename="../../ui/editor.py" line="267"/>
        <source>Issuing state</source>
        <translation>Negara penerbit</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="272"/>
        <source>Document number</source>
        <translation>Nomor dokumen</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="273"/>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="274"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="277"/>
        <location filename="../../ui/editor.py" line="278"/>
        <source>Fraud type</source>
        <translation>Jenis pemalsuan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="283"/>
        <location filename="../../ui/editor.py" line="284"/>
        <source>Features observed</source>
        <translation>Ciri yang diamati</translation>
    </message>
</context>
<context>
    <name>GradePicker</name>
    <message>
        <location filename="../../ui/widgets.py" line="293"/>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <location filename="../../ui/report_view.py" line="269"/>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="270"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="271"/>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="272"/>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="273"/>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="274"/>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="275"/>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="281"/>
        <source>Signed history</source>
        <translation>Riwayat bertanda tangan</translation>
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
        <translation>Navigasi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>New report</source>
        <translation>Laporan baru</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>My reports</source>
        <translation>Laporan saya</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Review queue</source>
        <translation>Antrean peninjauan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Outbox &amp; sync</source>
        <translation>Kotak keluar &amp; sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Alerts &amp; bulletins</source>
        <translation>Peringatan &amp; buletin</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Needs my action</source>
        <translation>Perlu tindakan saya</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>&amp;New report</source>
        <translation>Laporan &amp;baru</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>Period &amp;summary as PDF…</source>
        <translation>&amp;Ringkasan periode sebagai PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>&amp;Lock</source>
        <translation>&amp;Kunci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>&amp;Quit</source>
        <translation>K&amp;eluar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>&amp;Go</source>
        <translation>&amp;Navigasi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>&amp;Sync</source>
        <translation>&amp;Sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>Sync &amp;now</source>
        <translation>Sinkronkan &amp;sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Batalkan sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Help</source>
        <translation>Bant&amp;uan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pintasan papan ketik</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Signed in user</source>
        <translation>Pengguna yang masuk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>Charts need the PySide6-Addons package.</source>
        <translation>Grafik memerlukan paket PySide6-Addons.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>Report %1 %2 and signed.</source>
        <translation>Laporan %1 %2 dan ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>Opening report</source>
        <translation>Membuka laporan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>Ctrl+N: new report</source>
        <translation>Ctrl+N: laporan baru</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>Ctrl+S: save the draft now</source>
        <translation>Ctrl+S: simpan draf sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>Ctrl+Enter: sign and submit</source>
        <translation>Ctrl+Enter: tandatangani dan kirim</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>Ctrl+F: search (My reports)</source>
        <translation>Ctrl+F: cari (Laporan saya)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>Ctrl+P: save the open report as PDF</source>
        <translation>Ctrl+P: simpan laporan yang terbuka sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="378"/>
        <source>F5: sync now</source>
        <translation>F5: sinkronkan sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>Ctrl+L: lock</source>
        <translation>Ctrl+L: kunci</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383"/>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan papan ketik</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="395"/>
        <source>Save as PDF</source>
        <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="398"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>printed copy for the file</source>
        <translation>salinan cetak untuk arsip</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <location filename="../../ui/main_window.py" line="467"/>
        <source>Saved %1 (%2 pages).</source>
        <translation>Tersimpan %1 (%2 halaman).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <location filename="../../ui/main_window.py" line="470"/>
        <source>Writing PDF</source>
        <translation>Menulis PDF</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="474"/>
        <source>The PDF was not written: %1</source>
        <translation>PDF tidak ditulis: %1</translation>
    </message>
</context>
<context>
    <name>MultiCodePicker</name>
    <message>
        <location filename="../../ui/widgets.py" line="366"/>
        <source>none chosen — click to choose</source>
        <translation>belum dipilih — klik untuk memilih</translation>
    </message>
</context>
<context>
    <name>NeedsActionPage</name>
    <message>
        <location filename="../../ui/action_page.py" line="38"/>
        <source>Needs my action</source>
        <translation>Perlu tindakan saya</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="43"/>
        <source>Reports a reviewer returned to you. Correct each one as the comment asks, then sign and submit it again.</source>
        <translation>Laporan yang dikembalikan peninjau kepada Anda. Perbaiki masing-masing sesuai komentar, lalu tandatangani dan ajukan kembali.</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="51"/>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="51"/>
        <source>Returned by</source>
        <translation>Dikembalikan oleh</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="51"/>
        <source>Returned on</source>
        <translation>Dikembalikan pada</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="51"/>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="59"/>
        <source>Returned reports</source>
        <translation>Laporan yang dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="66"/>
        <source>&amp;Correct the report</source>
        <translation>&amp;Perbaiki laporan</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="81"/>
        <source>Reading returned reports</source>
        <translation>Membaca laporan yang dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="102"/>
        <source>(correction started)</source>
        <translation>(perbaikan sudah dimulai)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/action_page.py" line="112"/>
        <source>%n report(s) need your action.</source>
        <translation>
            <numerusform>%n laporan perlu tindakan Anda.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/action_page.py" line="114"/>
        <source>Nothing needs your action.</source>
        <translation>Tidak ada yang perlu tindakan Anda.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="383"/>
        <source>Item</source>
        <translation>Butir</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="384"/>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="385"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="386"/>
        <source>Bytes</source>
        <translation>Byte</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="387"/>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="388"/>
        <source>Last error / portal&apos;s reason</source>
        <translation>Galat terakhir / alasan portal</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="389"/>
        <source>Queued at</source>
        <translation>Diantrekan pada</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="439"/>
        <source>Submission</source>
        <translation>Pengajuan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="440"/>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="441"/>
        <source>Attachment</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="444"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="445"/>
        <source>Delivered</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="446"/>
        <source>Refused by the portal</source>
        <translation>Ditolak oleh portal</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="451"/>
        <source>Failed, retried</source>
        <translation>Gagal, dicoba lagi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="453"/>
        <source>Sending</source>
        <translation>Sedang dikirim</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="493"/>
        <source>Outbox &amp; sync</source>
        <translation>Kotak keluar &amp; sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="498"/>
        <source>Sync is not set up on this installation: it has not been provisioned for a portal yet. Submitted reports and decisions wait here, signed, until it is.</source>
        <translation>Sinkronisasi belum disiapkan pada instalasi ini: belum diprovisikan untuk portal. Laporan dan keputusan yang diajukan menunggu di sini, sudah ditandatangani, sampai siap.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="508"/>
        <source>Progress</source>
        <translation>Kemajuan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="512"/>
        <source>Reach the portal</source>
        <translation>Menjangkau portal</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="513"/>
        <source>Send reports and decisions</source>
        <translation>Mengirim laporan dan keputusan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="514"/>
        <source>Upload attachments</source>
        <translation>Mengunggah lampiran</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="515"/>
        <source>Receive alerts and decisions</source>
        <translation>Menerima peringatan dan keputusan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="526"/>
        <source>Link</source>
        <translation>Koneksi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="530"/>
        <source>Sync state</source>
        <translation>Status sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="536"/>
        <source>&amp;Metered link: send text only, attachments later</source>
        <translation>Koneksi &amp;terbatas: kirim teks saja, lampiran nanti</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="541"/>
        <source>S&amp;ync now</source>
        <translation>Sinkronkan se&amp;karang</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="542"/>
        <source>&amp;Cancel sync</source>
        <translation>Bata&amp;lkan sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="543"/>
        <source>&amp;Refresh list</source>
        <translation>&amp;Muat ulang daftar</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="549"/>
        <source>&amp;Export offline bundle…</source>
        <translation>&amp;Ekspor bundel luring…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="552"/>
        <source>No link at all: approved work, signed and encrypted to the portal, on a USB stick</source>
        <translation>Tanpa koneksi sama sekali: pekerjaan yang disetujui, ditandatangani dan dienkripsi untuk portal, di flashdisk</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="555"/>
        <source>&amp;Import a bundle…</source>
        <translation>&amp;Impor bundel…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="556"/>
        <source>Deliver another post&apos;s bundle through this link</source>
        <translation>Kirimkan bundel pos lain melalui koneksi ini</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="567"/>
        <source>Speed and time left</source>
        <translation>Kecepatan dan sisa waktu</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="575"/>
        <source>Outbox items</source>
        <translation>Item kotak keluar</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="624"/>
        <source>Reading the outbox</source>
        <translation>Membaca kotak keluar</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="642"/>
        <source>%1 waiting, %2 delivered, %3 refused by the portal</source>
        <translation>%1 menunggu, %2 terkirim, %3 ditolak oleh portal</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="672"/>
        <source>nothing to do</source>
        <translation>tidak ada pekerjaan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="695"/>
        <source>Last error: %1</source>
        <translation>Galat terakhir: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="701"/>
        <source>Last complete sync: %1</source>
        <translation>Sinkronisasi lengkap terakhir: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="706"/>
        <source>Last pass: %1 sent, %2 attachments, %3 received in %4 s</source>
        <translation>Putaran terakhir: %1 dikirim, %2 lampiran, %3 diterima dalam %4 d</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="721"/>
        <source>Export offline bundle</source>
        <translation>Ekspor bundel luring</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="729"/>
        <source>Import a bundle</source>
        <translation>Impor bundel</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="737"/>
        <source>offline delivery to the portal</source>
        <translation>pengiriman luring ke portal</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="746"/>
        <source>Bundle written to %1.</source>
        <translation>Bundel ditulis ke %1.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="749"/>
        <source>Writing the bundle</source>
        <translation>Menulis bundel</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="762"/>
        <source>Bundle delivered to the portal.</source>
        <translation>Bundel terkirim ke portal.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="764"/>
        <source>Bundle delivered; the portal refused some items.</source>
        <translation>Bundel terkirim; portal menolak beberapa item.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="767"/>
        <source>Delivering the bundle</source>
        <translation>Mengirim bundel</translation>
    </message>
</context>
<context>
    <name>Pdf</name>
    <message>
        <location filename="../../ui/pdf.py" line="52"/>
        <source>(not yet set: treat as TLP:RED)</source>
        <translation>(belum ditetapkan: perlakukan sebagai TLP:RED)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="97"/>
        <source>Page %1 of %2</source>
        <translation>Halaman %1 dari %2</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="156"/>
        <source>Outpost report %1</source>
        <translation>Laporan Outpost %1</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="165"/>
        <location filename="../../ui/pdf.py" line="329"/>
        <source>paper or PDF: %1</source>
        <translation>kertas atau PDF: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="186"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="192"/>
        <source>Released as %1 by %2 on %3</source>
        <translation>Dirilis sebagai %1 oleh %2 pada %3</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="201"/>
        <source>everyone on the portal (TLP:CLEAR)</source>
        <translation>semua pengguna portal (TLP:CLEAR)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="203"/>
        <source>none: it stays inside the originating agency</source>
        <translation>tidak ada: tetap di dalam instansi asal</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="205"/>
        <source>Releasable to member states</source>
        <translation>Dapat dirilis ke negara anggota</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="206"/>
        <source>Releasable to agencies</source>
        <translation>Dapat dirilis ke instansi</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="211"/>
        <source>Recipients (TLP:RED)</source>
        <translation>Penerima (TLP:RED)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="217"/>
        <source>Third parties</source>
        <translation>Pihak ketiga</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="218"/>
        <source>May be passed to third parties</source>
        <translation>Boleh diteruskan ke pihak ketiga</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="220"/>
        <source>Not to be passed to third parties</source>
        <translation>Tidak boleh diteruskan ke pihak ketiga</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="223"/>
        <source>Legal basis for sharing</source>
        <translation>Dasar hukum berbagi</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="225"/>
        <source>Reason for loosening the label</source>
        <translation>Alasan melonggarkan label</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="240"/>
        <source>Period summary</source>
        <translation>Ringkasan periode</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="241"/>
        <source>reports</source>
        <translation>laporan</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="242"/>
        <source>By kind</source>
        <translation>Menurut jenis</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="243"/>
        <source>By crossing point</source>
        <translation>Menurut pos lintas batas</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="244"/>
        <source>By nationality</source>
        <translation>Menurut kewarganegaraan</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="245"/>
        <source>Queue health</source>
        <translation>Kesehatan antrean</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="246"/>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="247"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="248"/>
        <source>Crossing point</source>
        <translation>Pos lintas batas</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="249"/>
        <source>Nationality</source>
        <translation>Kewarganegaraan</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="250"/>
        <source>Observed at</source>
        <translation>Waktu pengamatan</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="251"/>
        <source>Label</source>
        <translation>Label TLP</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="252"/>
        <source>Narrative</source>
        <translation>Narasi</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="259"/>
        <source>Reports observed from %1 to %2</source>
        <translation>Laporan yang diamati dari %1 sampai %2</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="323"/>
        <source>Outpost period summary %1 – %2</source>
        <translation>Ringkasan periode Outpost %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/pdf.py" line="331"/>
        <source>period summary</source>
        <translation>ringkasan periode</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>Period summary as PDF</source>
        <translation>Ringkasan periode sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="503"/>
        <source>&amp;From:</source>
        <translation>&amp;Dari:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="504"/>
        <source>&amp;To:</source>
        <translation>&amp;Sampai:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="510"/>
        <source>&amp;Choose where to save…</source>
        <translation>&amp;Pilih tempat menyimpan…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="511"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PersonRow</name>
    <message>
        <location filename="../../ui/editor.py" line="224"/>
        <source>person</source>
        <translation>orang</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="225"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="225"/>
        <source>Person role</source>
        <translation>Peran orang</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="228"/>
        <location filename="../../ui/editor.py" line="229"/>
        <source>Nationality</source>
        <translation>Kewarganegaraan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="233"/>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="234"/>
        <source>Age band</source>
        <translation>Kelompok umur</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="237"/>
        <source>Number of persons</source>
        <translation>Jumlah orang</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="238"/>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../ui/report_view.py" line="81"/>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="82"/>
        <source>version</source>
        <translation>versi</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="83"/>
        <source>Persons</source>
        <translation>Orang</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="84"/>
        <source>Travel documents</source>
        <translation>Dokumen perjalanan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="85"/>
        <source>Route</source>
        <translation>Rute</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="86"/>
        <source>Modus operandi</source>
        <translation>Modus operandi</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="87"/>
        <source>Narrative</source>
        <translation>Narasi</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="88"/>
        <source>Source and handling</source>
        <translation>Sumber dan penanganan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="89"/>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="90"/>
        <source>Signed history</source>
        <translation>Riwayat bertanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="113"/>
        <source>Observed at</source>
        <translation>Waktu pengamatan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="115"/>
        <source>Crossing point</source>
        <translation>Pos lintas batas</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="123"/>
        <source>Coordinates</source>
        <translation>Koordinat</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="138"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="139"/>
        <source>Nationality</source>
        <translation>Kewarganegaraan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="140"/>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="141"/>
        <source>Age band</source>
        <translation>Kelompok umur</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="142"/>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="181"/>
        <source>Origin</source>
        <translation>Asal</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="183"/>
        <source>Transit</source>
        <translation>Transit</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="187"/>
        <source>Destination</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="191"/>
        <source>Transport mode</source>
        <translation>Moda transportasi</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="195"/>
        <source>Fees paid</source>
        <translation>Biaya yang dibayar</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="198"/>
        <source>Group size</source>
        <translation>Ukuran kelompok</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="219"/>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="220"/>
        <source>Grading (Admiralty)</source>
        <translation>Penilaian (Admiralty)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="222"/>
        <source>TLP label</source>
        <translation>Label TLP</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="226"/>
        <source>Third parties</source>
        <translation>Pihak ketiga</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="227"/>
        <source>allowed</source>
        <translation>diizinkan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="229"/>
        <source>not allowed</source>
        <translation>tidak diizinkan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="231"/>
        <source>Legal basis</source>
        <translation>Dasar hukum</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="255"/>
        <source>submitted</source>
        <translation>diajukan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="256"/>
        <source>approved</source>
        <translation>disetujui</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="257"/>
        <source>returned</source>
        <translation>dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="258"/>
        <source>acknowledged by the portal</source>
        <translation>dikonfirmasi oleh portal</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="259"/>
        <source>released beyond the country by the NFP</source>
        <translation>dirilis ke luar negeri oleh NFP</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="260"/>
        <source>kept in the country by the NFP</source>
        <translation>ditahan di dalam negeri oleh NFP</translation>
    </message>
</context>
<context>
    <name>ReportDetail</name>
    <message>
        <location filename="../../ui/report_view.py" line="316"/>
        <source>Handling label</source>
        <translation>Label penanganan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="327"/>
        <source>Report content</source>
        <translation>Isi laporan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="331"/>
        <source>Photos and files</source>
        <translation>Foto dan berkas</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="333"/>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="334"/>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="335"/>
        <source>Signed history</source>
        <translation>Riwayat bertanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="356"/>
        <source>Photos (%1)</source>
        <translation>Foto (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="347"/>
        <source>no TLP yet</source>
        <translation>belum ada TLP</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="361"/>
        <source>Returned by %1 on %2: %3</source>
        <translation>Dikembalikan oleh %1 pada %2: %3</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/report_view.py" line="397"/>
        <source>Report %1</source>
        <translation>Laporan %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="406"/>
        <location filename="../../ui/report_view.py" line="440"/>
        <source>&amp;Edit draft</source>
        <translation>&amp;Ubah draf</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="407"/>
        <source>Start a &amp;corrected version</source>
        <translation>Mulai versi &amp;perbaikan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="408"/>
        <source>Save as &amp;PDF…</source>
        <translation>Simpan sebagai P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="409"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="429"/>
        <source>Opening report</source>
        <translation>Membuka laporan</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="438"/>
        <source>Correct and re&amp;submit</source>
        <translation>Perbaiki dan a&amp;jukan ulang</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="460"/>
        <source>Starting a corrected version</source>
        <translation>Memulai versi perbaikan</translation>
    </message>
</context>
<context>
    <name>ReportEditor</name>
    <message>
        <location filename="../../ui/editor.py" line="457"/>
        <source>Save state</source>
        <translation>Status penyimpanan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="477"/>
        <source>Problems to fix before submitting</source>
        <translation>Masalah yang harus diperbaiki sebelum mengajukan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="492"/>
        <source>Observation</source>
        <translation>Pengamatan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="496"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="504"/>
        <source>&amp;Crossing point:</source>
        <translation>&amp;Pos lintas batas:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="507"/>
        <source>Demo list: the real crossing points come with the provisioning file.</source>
        <translation>Daftar demo: pos lintas batas yang sebenarnya datang bersama berkas provisi.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="513"/>
        <source>latitude, e.g. 6.63</source>
        <translation>lintang, mis. 6.63</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="514"/>
        <source>Latitude</source>
        <translation>Lintang</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="516"/>
        <source>longitude, e.g. 100.42</source>
        <translation>bujur, mis. 100.42</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="517"/>
        <source>Longitude</source>
        <translation>Bujur</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="528"/>
        <source>Persons involved</source>
        <translation>Orang yang terlibat</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="528"/>
        <source>Add &amp;person</source>
        <translation>Tambah &amp;orang</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="531"/>
        <source>Travel documents</source>
        <translation>Dokumen perjalanan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="531"/>
        <source>Add &amp;document</source>
        <translation>Tambah &amp;dokumen</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="539"/>
        <source>Route</source>
        <translation>Rute</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="544"/>
        <source>O&amp;rigin:</source>
        <translation>&amp;Asal:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="546"/>
        <source>Destinatio&amp;n:</source>
        <translation>&amp;Tujuan:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="547"/>
        <source>Transport mode</source>
        <translation>Moda transportasi</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="553"/>
        <source>amount, e.g. 1500.00</source>
        <translation>jumlah, mis. 1500.00</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="554"/>
        <source>Fee amount</source>
        <translation>Jumlah biaya</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="556"/>
        <source>Fee currency</source>
        <translation>Mata uang biaya</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="570"/>
        <source>not known</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="573"/>
        <source>Transit countries (in order)</source>
        <translation>Negara transit (berurutan)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="574"/>
        <source>Add transit &amp;leg</source>
        <translation>Tambah ne&amp;gara transit</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="584"/>
        <source>Modus operandi and narrative</source>
        <translation>Modus operandi dan narasi</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="587"/>
        <source>&amp;Modus operandi:</source>
        <translation>&amp;Modus operandi:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="595"/>
        <source>Narrati&amp;ve:</source>
        <translation>Naras&amp;i:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="599"/>
        <source>Source and handling</source>
        <translation>Sumber dan penanganan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="604"/>
        <source>Source reliabilit&amp;y:</source>
        <translation>K&amp;eandalan sumber:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="607"/>
        <source>Information cred&amp;ibility:</source>
        <translation>Kredibilitas in&amp;formasi:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="610"/>
        <source>&amp;TLP label:</source>
        <translation>&amp;Label TLP:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="611"/>
        <source>May be passed to third parties</source>
        <translation>Boleh diteruskan ke pihak ketiga</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="614"/>
        <source>MOU or arrangement reference</source>
        <translation>Referensi MOU atau perjanjian</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="615"/>
        <source>Legal &amp;basis:</source>
        <translation>Dasar &amp;hukum:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="619"/>
        <source>Photos and files</source>
        <translation>Foto dan berkas</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="627"/>
        <source>Attached photos and files</source>
        <translation>Foto dan berkas terlampir</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="639"/>
        <source>Keep photos at full size</source>
        <translation>Simpan foto dalam ukuran penuh</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="656"/>
        <source>Drafts are also saved automatically (Ctrl+S)</source>
        <translation>Draf juga disimpan otomatis (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1240"/>
        <source>Attached: %1</source>
        <translation>Terlampir: %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="500"/>
        <source>YYYY-MM-DD HH:MM, e.g. 2026-11-28 14:05</source>
        <translation>TTTT-BB-HH JJ:MM, mis. 2026-11-28 14:05</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="501"/>
        <source>Observed at, local time</source>
        <translation>Waktu pengamatan, waktu setempat</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="502"/>
        <source>&amp;Observed at (local time):</source>
        <translation>&amp;Waktu pengamatan (waktu setempat):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="520"/>
        <source>Coordinates (optional):</source>
        <translation>Koordinat (opsional):</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="548"/>
        <source>Transport mode:</source>
        <translation>Moda transportasi:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="559"/>
        <source>F&amp;ees paid:</source>
        <translation>Bia&amp;ya yang dibayar:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="571"/>
        <source>Group si&amp;ze:</source>
        <translation>Jumlah &amp;rombongan:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="591"/>
        <source>MO details:</source>
        <translation>Rincian modus:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="602"/>
        <source>So&amp;urce description:</source>
        <translation>Keterangan sumber:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="612"/>
        <source>Third parties:</source>
        <translation>Pihak ketiga:</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="630"/>
        <source>&amp;Attach photos or files…</source>
        <translation>Lampir&amp;kan foto atau berkas…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="632"/>
        <source>Remove selected</source>
        <translation>Hapus yang dipilih</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="633"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="655"/>
        <source>Save draft</source>
        <translation>Simpan draf</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="658"/>
        <source>Sign and submit for review…</source>
        <translation>Tandatangani dan ajukan untuk ditinjau…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="659"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="768"/>
        <source>New report</source>
        <translation>Laporan baru</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="769"/>
        <source>Not saved yet</source>
        <translation>Belum disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="775"/>
        <source>Returned by %1 on %2: %3</source>
        <translation>Dikembalikan oleh %1 pada %2: %3</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="802"/>
        <source>Opening…</source>
        <translation>Membuka…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="803"/>
        <source>Opening report</source>
        <translation>Membuka laporan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="823"/>
        <source>Report %1 (version %2, %3)</source>
        <translation>Laporan %1 (versi %2, %3)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="831"/>
        <source>Saved</source>
        <translation>Tersimpan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="902"/>
        <source>Editing…</source>
        <translation>Menyunting…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1083"/>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1088"/>
        <source>Saving draft</source>
        <translation>Menyimpan draf</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1099"/>
        <source>Draft saved at %1</source>
        <translation>Draf disimpan pukul %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1103"/>
        <source>Draft %1</source>
        <translation>Draf %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1107"/>
        <source>Not saved</source>
        <translation>Tidak tersimpan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor.py" line="988"/>
        <source>This report cannot be submitted yet. Fix these %n problem(s):</source>
        <translation>
            <numerusform>Laporan ini belum dapat diajukan. Perbaiki %n masalah berikut:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1134"/>
        <location filename="../../ui/editor.py" line="1158"/>
        <source>Signing</source>
        <translation>Menandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1163"/>
        <source>Report %1 submitted: waiting for review</source>
        <translation>Laporan %1 diajukan: menunggu peninjauan</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1166"/>
        <source>Report signed and queued for review.</source>
        <translation>Laporan ditandatangani dan diantrekan untuk ditinjau.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1180"/>
        <source>Attach photos or files</source>
        <translation>Lampirkan foto atau berkas</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1183"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>Foto (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1183"/>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1213"/>
        <source>Reading files</source>
        <translation>Membaca berkas</translation>
    </message>
</context>
<context>
    <name>ReportListPage</name>
    <message>
        <location filename="../../ui/report_list.py" line="198"/>
        <source>My reports</source>
        <translation>Laporan saya</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="205"/>
        <source>Search narrative, places, modus operandi… (Ctrl+F)</source>
        <translation>Cari narasi, tempat, modus operandi… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="207"/>
        <source>Search reports</source>
        <translation>Cari laporan</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="212"/>
        <source>All states</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="213"/>
        <source>Drafts</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="214"/>
        <source>Waiting for review</source>
        <translation>Menunggu peninjauan</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="215"/>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="216"/>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="217"/>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="219"/>
        <source>Filter by state</source>
        <translation>Saring menurut status</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="223"/>
        <source>All kinds</source>
        <translation>Semua jenis</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="225"/>
        <source>Filter by kind</source>
        <translation>Saring menurut jenis</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="229"/>
        <source>Filter by crossing point</source>
        <translation>Saring menurut pos lintas batas</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="230"/>
        <source>any crossing point</source>
        <translation>pos lintas batas mana pun</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="233"/>
        <source>Filter by nationality</source>
        <translation>Saring menurut kewarganegaraan</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="234"/>
        <source>any nationality</source>
        <translation>kewarganegaraan apa pun</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="236"/>
        <source>&amp;Only mine</source>
        <translation>&amp;Hanya milik saya</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="250"/>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="263"/>
        <source>Number of reports</source>
        <translation>Jumlah laporan</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="265"/>
        <source>O&amp;pen</source>
        <translation>Bu&amp;ka</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="267"/>
        <source>&amp;New report</source>
        <translation>Laporan ba&amp;ru</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="330"/>
        <source>Searching</source>
        <translation>Mencari</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="349"/>
        <source>%1 matching reports</source>
        <translation>%1 laporan yang cocok</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="345"/>
        <source>%1 reports</source>
        <translation>%1 laporan</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="347"/>
        <source>%1+ reports</source>
        <translation>%1+ laporan</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="371"/>
        <source>Loading reports</source>
        <translation>Memuat laporan</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../../ui/report_list.py" line="92"/>
        <source>Observed</source>
        <translation>Diamati</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="93"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="94"/>
        <source>Crossing point</source>
        <translation>Pos lintas batas</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="95"/>
        <source>Nationalities</source>
        <translation>Kewarganegaraan</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="96"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="97"/>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="98"/>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/review.py" line="80"/>
        <source>Review queue</source>
        <translation>Antrean peninjauan</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="92"/>
        <source>Observed</source>
        <translation>Diamati</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="93"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="94"/>
        <source>Crossing point</source>
        <translation>Pos lintas batas</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="95"/>
        <source>Author</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="96"/>
        <source>Waiting since</source>
        <translation>Menunggu sejak</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="110"/>
        <source>Reports waiting for review</source>
        <translation>Laporan yang menunggu peninjauan</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="124"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="124"/>
        <source>Before</source>
        <translation>Sebelumnya</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="124"/>
        <source>Now</source>
        <translation>Sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="131"/>
        <source>Changes since the returned version</source>
        <translation>Perubahan sejak versi yang dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="134"/>
        <source>Nothing changed since the returned version.</source>
        <translation>Tidak ada yang berubah sejak versi yang dikembalikan.</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="142"/>
        <source>Why you cannot decide</source>
        <translation>Mengapa Anda tidak dapat memutuskan</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="149"/>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="152"/>
        <source>Release TLP label</source>
        <translation>Label TLP rilis</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="153"/>
        <source>Release as &amp;TLP:</source>
        <translation>Rilis sebagai &amp;TLP:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="155"/>
        <source>needed only when loosening the author&apos;s label</source>
        <translation>hanya diperlukan jika melonggarkan label penulis</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="156"/>
        <source>Reason for loosening the TLP label</source>
        <translation>Alasan melonggarkan label TLP</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="157"/>
        <source>Reason for &amp;loosening:</source>
        <translation>Alasan pe&amp;longgaran:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="158"/>
        <source>May be passed to third parties</source>
        <translation>Boleh diteruskan ke pihak ketiga</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="159"/>
        <source>Third &amp;parties:</source>
        <translation>&amp;Pihak ketiga:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="161"/>
        <source>MOU or arrangement reference (required)</source>
        <translation>Referensi MOU atau perjanjian (wajib)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="162"/>
        <source>Legal basis</source>
        <translation>Dasar hukum</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="163"/>
        <source>Legal &amp;basis:</source>
        <translation>&amp;Dasar hukum:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="166"/>
        <source>member states, e.g. MYS, KHM (empty: own agency)</source>
        <translation>negara anggota, mis. MYS, KHM (kosong: instansi sendiri)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="168"/>
        <source>Releasable to member states</source>
        <translation>Dapat dirilis ke negara anggota</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="169"/>
        <source>Choose member states</source>
        <translation>Pilih negara anggota</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="171"/>
        <source>&amp;Releasable to:</source>
        <translation>Dapat di&amp;rilis ke:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="174"/>
        <source>named agencies, e.g. MYS-IMM</source>
        <translation>instansi yang disebut, mis. MYS-IMM</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="175"/>
        <source>Releasable to agencies</source>
        <translation>Dapat dirilis ke instansi</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="176"/>
        <source>Choose agencies</source>
        <translation>Pilih instansi</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="178"/>
        <source>Age&amp;ncies:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="187"/>
        <source>TLP:RED only: names from the portal directory, comma-separated</source>
        <translation>hanya TLP:RED: nama dari direktori portal, dipisahkan koma</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="189"/>
        <source>TLP:RED recipients</source>
        <translation>Penerima TLP:RED</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="190"/>
        <source>Rec&amp;ipients:</source>
        <translation>P&amp;enerima:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="198"/>
        <source>Comment to the author</source>
        <translation>Komentar untuk penulis</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="199"/>
        <source>Co&amp;mment:</source>
        <translation>Ko&amp;mentar:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="205"/>
        <source>&amp;Approve and sign</source>
        <translation>Setu&amp;jui dan tandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="206"/>
        <source>R&amp;eturn to author</source>
        <translation>Kemb&amp;alikan ke penulis</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="229"/>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="281"/>
        <source>No copy of the portal directory on this device yet: member states and agencies are taken as typed, unchecked.</source>
        <translation>Belum ada salinan direktori portal di perangkat ini: negara anggota dan instansi diambil sesuai ketikan, tanpa diperiksa.</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="309"/>
        <source>Reading the queue</source>
        <translation>Membaca antrean</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="260"/>
        <location filename="../../ui/review.py" line="326"/>
        <source>Directory</source>
        <translation>Direktori</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="351"/>
        <source>%1 reports waiting</source>
        <translation>%1 laporan menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="397"/>
        <source>Opening report</source>
        <translation>Membuka laporan</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="413"/>
        <source>Changed since version %1, which was returned</source>
        <translation>Berubah sejak versi %1, yang dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="433"/>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="438"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="438"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="483"/>
        <source>Not in the portal directory: %1.</source>
        <translation>Tidak ada di direktori portal: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="506"/>
        <source>Choose the TLP label to release it under.</source>
        <translation>Pilih label TLP untuk merilisnya.</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="509"/>
        <source>Approving needs a legal basis (MOU or arrangement).</source>
        <translation>Persetujuan memerlukan dasar hukum (MOU atau perjanjian).</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="535"/>
        <source>Say in the comment what the author should correct.</source>
        <translation>Tuliskan di komentar apa yang harus diperbaiki penulis.</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="556"/>
        <source>Checking the decision</source>
        <translation>Memeriksa keputusan</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="585"/>
        <source>Signing the decision</source>
        <translation>Menandatangani keputusan</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings_page.py" line="42"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="46"/>
        <source>This computer</source>
        <translation>Komputer ini</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="50"/>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="52"/>
        <source>Lock after idle minutes</source>
        <translation>Kunci setelah menit tanpa aktivitas</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="53"/>
        <source>&amp;Lock after being idle for:</source>
        <translation>&amp;Kunci setelah tidak aktif selama:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="54"/>
        <source>Send text first; attachments wait for a better link</source>
        <translation>Kirim teks dahulu; lampiran menunggu koneksi yang lebih baik</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="56"/>
        <source>&amp;Metered link:</source>
        <translation>Koneksi &amp;terbatas:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="61"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="65"/>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="67"/>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="69"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="70"/>
        <source>Load the agency&apos;s &amp;provisioning file…</source>
        <translation>Muat berkas &amp;provisioning instansi…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="71"/>
        <source>Load the provisioning file</source>
        <translation>Muat berkas provisioning</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="74"/>
        <source>one-time code from your focal point</source>
        <translation>kode sekali pakai dari focal point Anda</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="75"/>
        <source>Enrolment code</source>
        <translation>Kode pendaftaran</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="77"/>
        <source>Enrolment &amp;code:</source>
        <translation>Kode pen&amp;daftaran:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="84"/>
        <source>Users of this installation</source>
        <translation>Pengguna instalasi ini</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="88"/>
        <source>Local users</source>
        <translation>Pengguna lokal</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="92"/>
        <source>New user&apos;s name</source>
        <translation>Nama pengguna baru</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="93"/>
        <source>&amp;Name:</source>
        <translation>Na&amp;ma:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="97"/>
        <source>New user&apos;s role</source>
        <translation>Peran pengguna baru</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="100"/>
        <source>New user&apos;s agency</source>
        <translation>Instansi pengguna baru</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="104"/>
        <source>New user&apos;s passphrase</source>
        <translation>Frasa sandi pengguna baru</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="108"/>
        <source>Repeat the passphrase</source>
        <translation>Ulangi frasa sandi</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="109"/>
        <source>Rep&amp;eat:</source>
        <translation>Ulan&amp;gi:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="111"/>
        <source>Strength:</source>
        <translation>Kekuatan:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="62"/>
        <source>Lang&amp;uage:</source>
        <translation>Bah&amp;asa:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="76"/>
        <source>En&amp;rol</source>
        <translation>Dafta&amp;rkan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="98"/>
        <source>R&amp;ole:</source>
        <translation>P&amp;eran:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="101"/>
        <source>Agenc&amp;y:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="105"/>
        <source>P&amp;assphrase:</source>
        <translation>&amp;Frasa sandi:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="112"/>
        <source>A&amp;dd user</source>
        <translation>Tamba&amp;h pengguna</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="146"/>
        <source>Reading users</source>
        <translation>Membaca pengguna</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="160"/>
        <source>Not connected. Load the provisioning file your agency gave you.</source>
        <translation>Belum terhubung. Muat berkas provisioning yang diberikan instansi Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="164"/>
        <source>Connected to %1; you are enrolled.</source>
        <translation>Terhubung ke %1; Anda sudah terdaftar.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="168"/>
        <source>Connected to %1; enter your enrolment code to be able to sync.</source>
        <translation>Terhubung ke %1; masukkan kode pendaftaran Anda agar dapat menyinkronkan.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="178"/>
        <source>Agency provisioning file</source>
        <translation>Berkas provisioning instansi</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="180"/>
        <source>Provisioning files (*.json);;All files (*)</source>
        <translation>Berkas provisioning (*.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="190"/>
        <source>Reading the provisioning file…</source>
        <translation>Membaca berkas provisioning…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="193"/>
        <source>Connected to %1.</source>
        <translation>Terhubung ke %1.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="195"/>
        <source>Connecting to the portal</source>
        <translation>Menghubungkan ke portal</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="203"/>
        <source>Type the one-time code first.</source>
        <translation>Ketik kode sekali pakai terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="206"/>
        <source>Enrolling…</source>
        <translation>Mendaftarkan…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="211"/>
        <source>Enrolling</source>
        <translation>Mendaftarkan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="226"/>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi berbeda.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="237"/>
        <source>Adding…</source>
        <translation>Menambahkan…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="242"/>
        <source>Adding user</source>
        <translation>Menambahkan pengguna</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="250"/>
        <source>%1 can now unlock this installation.</source>
        <translation>%1 sekarang dapat membuka instalasi ini.</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <location filename="../../ui/signing.py" line="37"/>
        <source>Sign and submit this report?</source>
        <translation>Tandatangani dan ajukan laporan ini?</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="38"/>
        <source>Sign the approval?</source>
        <translation>Tandatangani persetujuan?</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="39"/>
        <source>Sign the return to the author?</source>
        <translation>Tandatangani pengembalian ke penulis?</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="42"/>
        <source>&amp;Sign and submit</source>
        <translation>&amp;Tandatangani dan ajukan</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="43"/>
        <source>&amp;Sign the approval</source>
        <translation>&amp;Tandatangani persetujuan</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="44"/>
        <source>&amp;Sign and return</source>
        <translation>&amp;Tandatangani dan kembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="50"/>
        <source>Your signature covers exactly what is listed here. Check it before signing.</source>
        <translation>Tanda tangan Anda mencakup persis apa yang tercantum di sini. Periksalah sebelum menandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="57"/>
        <source>Report:</source>
        <translation>Laporan:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="59"/>
        <source>Contents:</source>
        <translation>Isi:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="60"/>
        <source>no TLP label</source>
        <translation>tanpa label TLP</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="62"/>
        <source>TLP label</source>
        <translation>Label TLP</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="66"/>
        <source>TLP:</source>
        <translation>TLP:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="68"/>
        <source>Who receives it</source>
        <translation>Siapa yang menerimanya</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="69"/>
        <source>Goes to:</source>
        <translation>Dikirim ke:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="74"/>
        <source>Legal basis:</source>
        <translation>Dasar hukum:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="76"/>
        <source>may be passed to third parties</source>
        <translation>boleh diteruskan ke pihak ketiga</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="78"/>
        <source>not to be passed to third parties</source>
        <translation>tidak boleh diteruskan ke pihak ketiga</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="80"/>
        <source>Third parties:</source>
        <translation>Pihak ketiga:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="84"/>
        <source>Comment:</source>
        <translation>Komentar:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="86"/>
        <source>Signed with:</source>
        <translation>Ditandatangani dengan:</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="95"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="125"/>
        <source>no kind</source>
        <translation>tanpa jenis</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="128"/>
        <source>observed %1</source>
        <translation>diamati %1</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="131"/>
        <source>version %1</source>
        <translation>versi %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signing.py" line="138"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n orang</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signing.py" line="139"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n dokumen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signing.py" line="140"/>
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n lampiran</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="146"/>
        <source>no key</source>
        <translation>tanpa kunci</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="147"/>
        <source>%1 (%2), key %3</source>
        <translation>%1 (%2), kunci %3</translation>
    </message>
    <message>
        <location filename="../../ui/signing.py" line="150"/>
        <source>(created on this device, not yet certified by the portal)</source>
        <translation>(dibuat di perangkat ini, belum disertifikasi oleh portal)</translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <location filename="../../ui/unlock_window.py" line="64"/>
        <source>too short</source>
        <translation>terlalu pendek</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="65"/>
        <source>weak</source>
        <translation>lemah</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="66"/>
        <source>fair</source>
        <translation>cukup</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="67"/>
        <source>good</source>
        <translation>baik</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="68"/>
        <source>strong</source>
        <translation>kuat</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../ui/unlock_window.py" line="88"/>
        <source>Passphrase strength</source>
        <translation>Kekuatan frasa sandi</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="239"/>
        <source>%1 s</source>
        <translation>%1 dtk</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="241"/>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="242"/>
        <source>%1 h</source>
        <translation>%1 jam</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="254"/>
        <source>%1/s</source>
        <translation>%1/dtk</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="257"/>
        <source>%1, about %2 left</source>
        <translation>%1, sisa sekitar %2</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="267"/>
        <source>Sync: not set up</source>
        <translation>Sinkronisasi: belum disiapkan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="269"/>
        <source>Sync: starting…</source>
        <translation>Sinkronisasi: memulai…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="272"/>
        <source>Online</source>
        <translation>Daring</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="273"/>
        <source>Offline</source>
        <translation>Luring</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="274"/>
        <source>Link unknown</source>
        <translation>Koneksi tidak diketahui</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="278"/>
        <source>%1 waiting</source>
        <translation>%1 menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="281"/>
        <source>%1 refused</source>
        <translation>%1 ditolak</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="283"/>
        <source>syncing…</source>
        <translation>menyinkronkan…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="286"/>
        <source>next try in %1 s</source>
        <translation>coba lagi dalam %1 d</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="253"/>
        <source>measuring the speed…</source>
        <translation>mengukur kecepatan…</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="304"/>
        <source>Sync state</source>
        <translation>Status sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="310"/>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="311"/>
        <source>Sync now (F5)</source>
        <translation>Sinkronkan sekarang (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="313"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="340"/>
        <source>Last error: %1</source>
        <translation>Galat terakhir: %1</translation>
    </message>
</context>
<context>
    <name>TransitRow</name>
    <message>
        <location filename="../../ui/editor.py" line="312"/>
        <source>transit country</source>
        <translation>negara transit</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="315"/>
        <location filename="../../ui/editor.py" line="316"/>
        <source>Transit country</source>
        <translation>Negara transit</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../ui/unlock_window.py" line="128"/>
        <source>Outpost — set up</source>
        <translation>Outpost — penyiapan</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="128"/>
        <source>Outpost — unlock</source>
        <translation>Outpost — buka kunci</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="144"/>
        <source>Create the first user of this installation.</source>
        <translation>Buat pengguna pertama instalasi ini.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="146"/>
        <source>Enter your user name and passphrase to unlock.</source>
        <translation>Masukkan nama pengguna dan frasa sandi Anda untuk membuka kunci.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="158"/>
        <source>User name</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="164"/>
        <source>&amp;User name:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="167"/>
        <source>Passphrase</source>
        <translation>Frasa sandi</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="168"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frasa sandi:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="179"/>
        <source>Repeat passphrase</source>
        <translation>Ulangi frasa sandi</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="180"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="181"/>
        <source>Strength:</source>
        <translation>Kekuatan:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="183"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="184"/>
        <source>Organisational focal point</source>
        <translation>Titik fokus organisasi</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="185"/>
        <source>National focal point</source>
        <translation>Titik fokus nasional</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="186"/>
        <source>R&amp;ole:</source>
        <translation>&amp;Peran:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="187"/>
        <source>Agency code</source>
        <translation>Kode instansi</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="188"/>
        <source>&amp;Agency code:</source>
        <translation>Kode &amp;instansi:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="191"/>
        <source>Choose the provisioning &amp;file…</source>
        <translation>Pilih &amp;berkas provisioning…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="192"/>
        <location filename="../../ui/unlock_window.py" line="273"/>
        <location filename="../../ui/unlock_window.py" line="322"/>
        <source>Agency provisioning file</source>
        <translation>Berkas provisioning instansi</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="194"/>
        <source>Portal (optional):</source>
        <translation>Portal (opsional):</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="198"/>
        <source>Enrolment code</source>
        <translation>Kode pendaftaran</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="199"/>
        <source>one-time code from your focal point</source>
        <translation>kode sekali pakai dari focal point Anda</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="200"/>
        <source>&amp;Enrolment code:</source>
        <translation>Kode pen&amp;daftaran:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="201"/>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="201"/>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="205"/>
        <source>&amp;Back</source>
        <translation>&amp;Kembali</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="206"/>
        <source>Back to the language and the provisioning file</source>
        <translation>Kembali ke pilihan bahasa dan berkas provisioning</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="236"/>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="251"/>
        <source>Welcome to Outpost</source>
        <translation>Selamat datang di Outpost</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="259"/>
        <source>Outpost is where you write reports on what you observe at your crossing point and send them to your agency. It works offline: reports are kept encrypted on this computer and are sent when there is a connection. To set it up you need the provisioning file from your agency (or try a demo with synthetic data first); then you choose a user name and a passphrase.</source>
        <translation>Outpost adalah tempat Anda menulis laporan tentang apa yang Anda amati di pos lintas batas Anda dan mengirimkannya ke instansi Anda. Outpost bekerja secara luring (tanpa internet): laporan disimpan terenkripsi di komputer ini dan dikirim saat ada koneksi. Untuk menyiapkannya, Anda memerlukan berkas provisioning dari instansi Anda (atau coba dulu demo dengan data sintetis); lalu Anda memilih nama pengguna dan frasa sandi.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="272"/>
        <source>Load the agency&apos;s &amp;provisioning file…</source>
        <translation>Muat berkas &amp;provisioning instansi…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="279"/>
        <source>Create a &amp;demo installation instead</source>
        <translation>Buat instalasi d&amp;emo saja</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="281"/>
        <source>Two demo users and about 200 synthetic reports, clearly marked [SYNTHETIC]</source>
        <translation>Dua pengguna demo dan sekitar 200 laporan sintetis, ditandai jelas [SYNTHETIC]</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="285"/>
        <source>Set up &amp;without a provisioning file</source>
        <translation>Siapkan &amp;tanpa berkas provisioning</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="287"/>
        <source>You type your agency code; the portal can be connected later in Settings</source>
        <translation>Anda mengetik sendiri kode instansi; portal dapat dihubungkan nanti di Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="324"/>
        <source>Provisioning files (*.json);;All files (*)</source>
        <translation>Berkas provisioning (*.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="351"/>
        <source>Portal %1 at %2, agency %3.</source>
        <translation>Portal %1 di %2, instansi %3.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="359"/>
        <source>Found the provisioning file of agency %1.</source>
        <translation>Berkas provisioning instansi %1 ditemukan.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="362"/>
        <source>Continue with this &amp;provisioning file</source>
        <translation>Lanjutkan dengan berkas &amp;provisioning ini</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="370"/>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi berbeda.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="380"/>
        <source>Enter your agency code (from your focal point).</source>
        <translation>Masukkan kode instansi Anda (dari titik fokus Anda).</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="405"/>
        <source>Working…</source>
        <translation>Sedang bekerja…</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="414"/>
        <source>The installation was created, but connecting to the portal failed: %1 You can try again in Settings.</source>
        <translation>Instalasi telah dibuat, tetapi gagal terhubung ke portal: %1 Anda dapat mencoba lagi di Pengaturan.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_window.py" line="419"/>
        <source>OK</source>
        <translation>Oke</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/unlock_window.py" line="448"/>
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>Anda dapat mencoba lagi dalam %n detik.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <location filename="../../ui/editor.py" line="178"/>
        <source>Remove this %1</source>
        <translation>Hapus %1 ini</translation>
    </message>
</context>
<context>
    <name>codelist</name>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>Irregular crossing</source>
        <translation>Penyeberangan tidak resmi</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>Crossing or attempted crossing outside the legal conditions or away from an official crossing point.</source>
        <translation>Penyeberangan atau percobaan penyeberangan di luar ketentuan hukum atau jauh dari pos lintas batas resmi.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>People smuggling</source>
        <translation>Penyelundupan manusia</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Facilitation of irregular entry or stay for a financial or other material benefit.</source>
        <translation>Memfasilitasi masuk atau tinggal secara tidak resmi demi keuntungan finansial atau materi lainnya.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Trafficking in persons</source>
        <translation>Perdagangan orang</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Recruitment, transport or harbouring of persons by coercion or deception for exploitation.</source>
        <translation>Perekrutan, pengangkutan, atau penampungan orang dengan paksaan atau tipu daya untuk eksploitasi.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Document fraud</source>
        <translation>Pemalsuan dokumen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Use or attempted use of a false, altered or fraudulently obtained document.</source>
        <translation>Penggunaan atau percobaan penggunaan dokumen palsu, diubah, atau diperoleh secara curang.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Modus operandi / trend</source>
        <translation>Modus operandi / tren</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>A method, route or trend observed, not tied to one group of persons.</source>
        <translation>Metode, rute, atau tren yang diamati, tidak terkait dengan satu kelompok orang.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Migrant</source>
        <translation>Migran</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Person moving irregularly, including smuggled migrants.</source>
        <translation>Orang yang berpindah secara tidak resmi, termasuk migran yang diselundupkan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Presumed victim of trafficking</source>
        <translation>Dugaan korban perdagangan orang</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Person with indicators of trafficking; the status is not yet established.</source>
        <translation>Orang dengan indikator perdagangan orang; statusnya belum ditetapkan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Suspected smuggler</source>
        <translation>Tersangka penyelundup</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Person suspected of organising or carrying out smuggling.</source>
        <translation>Orang yang diduga mengorganisasi atau melakukan penyelundupan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>Facilitator</source>
        <translation>Fasilitator</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Person helping in a supporting role: driver, guide, boat operator, document supplier.</source>
        <translation>Orang yang membantu dalam peran pendukung: sopir, pemandu, operator perahu, pemasok dokumen.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54"/>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>Unknown</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>0–11 (child)</source>
        <translation>0–11 (anak)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>12–17 (adolescent)</source>
        <translation>12–17 (remaja)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>18–25</source>
        <translation>18–25</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>26–35</source>
        <translation>26–35</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>36–49</source>
        <translation>36–49</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>50–64</source>
        <translation>50–64</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>65 and over</source>
        <translation>65 ke atas</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>Passport</source>
        <translation>Paspor</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>Ordinary national passport (ICAO Doc 9303 machine readable passport).</source>
        <translation>Paspor nasional biasa (paspor terbaca mesin ICAO Doc 9303).</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Diplomatic passport</source>
        <translation>Paspor diplomatik</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>Service / official passport</source>
        <translation>Paspor dinas</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>Emergency travel document</source>
        <translation>Dokumen perjalanan darurat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>Temporary document for a single journey, often to return home.</source>
        <translation>Dokumen sementara untuk satu perjalanan, sering untuk pulang.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>Refugee travel document</source>
        <translation>Dokumen perjalanan pengungsi</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>Convention travel document issued to a recognised refugee.</source>
        <translation>Dokumen perjalanan Konvensi yang diterbitkan bagi pengungsi yang diakui.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Identity card</source>
        <translation>Kartu identitas</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>National identity card, where accepted for travel (ICAO Doc 9303 machine readable official travel document).</source>
        <translation>Kartu identitas nasional, bila diterima untuk perjalanan (dokumen perjalanan resmi terbaca mesin ICAO Doc 9303).</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>Visa</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Visa sticker or electronic visa (ICAO Doc 9303 machine readable visa).</source>
        <translation>Stiker visa atau visa elektronik (visa terbaca mesin ICAO Doc 9303).</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Residence permit</source>
        <translation>Izin tinggal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>Border pass</source>
        <translation>Pas lintas batas</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87"/>
        <source>Local border-traffic pass for residents of the border area.</source>
        <translation>Pas lalu lintas batas lokal bagi penduduk wilayah perbatasan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>Seafarer&apos;s identity document</source>
        <translation>Dokumen identitas pelaut</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89"/>
        <source>Identity document for seafarers (ILO Convention No. 185).</source>
        <translation>Dokumen identitas bagi pelaut (Konvensi ILO No. 185).</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>Laissez-passer</source>
        <translation>Laissez-passer</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>Travel document issued by an international organisation, e.g. the United Nations.</source>
        <translation>Dokumen perjalanan yang diterbitkan organisasi internasional, mis. Perserikatan Bangsa-Bangsa.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="96"/>
        <source>Counterfeit</source>
        <translation>Palsu (tiruan)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="97"/>
        <source>Complete reproduction of a genuine document, not made by the issuing authority.</source>
        <translation>Tiruan lengkap dokumen asli, tidak dibuat oleh otoritas penerbit.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>Forged</source>
        <translation>Dipalsukan</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>Genuine document with unauthorised changes: data altered, photo or pages substituted.</source>
        <translation>Dokumen asli dengan perubahan tidak sah: data diubah, foto atau halaman diganti.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="106"/>
        <source>Fraudulently obtained genuine</source>
        <translation>Asli yang diperoleh secara curang</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>Genuine document issued on the basis of false information or false supporting documents.</source>
        <translation>Dokumen asli yang diterbitkan berdasarkan informasi palsu atau dokumen pendukung palsu.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111"/>
        <source>Impostor / look-alike</source>
        <translation>Penyamar / mirip wajah</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>Genuine, unaltered document used by someone resembling the rightful holder.</source>
        <translation>Dokumen asli tanpa perubahan yang digunakan oleh orang yang mirip pemegang sah.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="115"/>
        <source>Pseudo / fantasy document</source>
        <translation>Dokumen semu / fantasi</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="116"/>
        <source>Document of a non-existent state or authority, or of a type the authority does not issue.</source>
        <translation>Dokumen dari negara atau otoritas yang tidak ada, atau jenis yang tidak diterbitkan otoritas tersebut.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120"/>
        <source>Stolen blank</source>
        <translation>Blanko curian</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>Genuine blank stolen before issue and personalised without authority.</source>
        <translation>Blanko asli yang dicuri sebelum diterbitkan dan diisi tanpa wewenang.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="124"/>
        <source>No fraud detected</source>
        <translation>Tidak ditemukan pemalsuan</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="125"/>
        <source>Document examined; no sign of fraud found.</source>
        <translation>Dokumen telah diperiksa; tidak ditemukan tanda pemalsuan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="127"/>
        <source>Photo substitution</source>
        <translation>Penggantian foto</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128"/>
        <source>Data page alteration</source>
        <translation>Perubahan halaman data</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129"/>
        <source>Biographical data erased, overwritten or changed.</source>
        <translation>Data biografis dihapus, ditimpa, atau diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130"/>
        <source>Page substitution</source>
        <translation>Penggantian halaman</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="131"/>
        <source>Pages removed, added or exchanged.</source>
        <translation>Halaman dicabut, ditambah, atau ditukar.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132"/>
        <source>Binding tampering</source>
        <translation>Perusakan jilid</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="133"/>
        <source>Stitching or binding reworked.</source>
        <translation>Jahitan atau jilid dikerjakan ulang.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="134"/>
        <source>Laminate tampering</source>
        <translation>Perusakan laminasi</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="135"/>
        <source>Protective laminate lifted, cut or replaced.</source>
        <translation>Laminasi pelindung diangkat, dipotong, atau diganti.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="136"/>
        <source>Fake visa</source>
        <translation>Visa palsu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137"/>
        <source>Fake entry stamp</source>
        <translation>Cap masuk palsu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138"/>
        <source>Fake exit stamp</source>
        <translation>Cap keluar palsu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="139"/>
        <source>Missing security thread</source>
        <translation>Benang pengaman tidak ada</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="140"/>
        <source>Hologram missing or wrong</source>
        <translation>Hologram tidak ada atau salah</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="141"/>
        <source>Optically variable feature missing, flat or not matching the specimen.</source>
        <translation>Fitur optik variabel tidak ada, datar, atau tidak sesuai spesimen.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144"/>
        <source>Poor printing quality</source>
        <translation>Kualitas cetak buruk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="145"/>
        <source>Blurred lines, screen dots or colour shifts where fine printing is expected.</source>
        <translation>Garis kabur, titik raster, atau pergeseran warna di tempat yang seharusnya cetakan halus.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>Wrong UV reaction</source>
        <translation>Reaksi UV salah</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>Paper fluoresces or UV features missing or not matching the specimen.</source>
        <translation>Kertas berpendar atau fitur UV tidak ada atau tidak sesuai spesimen.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>MRZ inconsistent</source>
        <translation>MRZ tidak konsisten</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="153"/>
        <source>Machine readable zone does not match the visual zone or its check digits fail.</source>
        <translation>Zona terbaca mesin tidak cocok dengan zona visual atau digit periksanya gagal.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="156"/>
        <source>Chip unreadable or invalid</source>
        <translation>Cip tidak terbaca atau tidak sah</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>Electronic chip missing, unreadable or failing signature checks.</source>
        <translation>Cip elektronik tidak ada, tidak terbaca, atau gagal pemeriksaan tanda tangan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="161"/>
        <source>On foot</source>
        <translation>Berjalan kaki</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>Road</source>
        <translation>Jalan darat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="163"/>
        <source>Rail</source>
        <translation>Kereta api</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="164"/>
        <source>Boat</source>
        <translation>Perahu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="165"/>
        <source>Air</source>
        <translation>Udara</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="166"/>
        <source>Mixed</source>
        <translation>Campuran</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="168"/>
        <source>Concealment in vehicle</source>
        <translation>Disembunyikan dalam kendaraan</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="169"/>
        <source>Persons hidden in a car, van, bus or truck compartment.</source>
        <translation>Orang disembunyikan di kompartemen mobil, van, bus, atau truk.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="170"/>
        <source>Concealment in cargo</source>
        <translation>Disembunyikan dalam muatan</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="171"/>
        <source>Persons hidden among goods or in containers.</source>
        <translation>Orang disembunyikan di antara barang atau dalam kontainer.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="172"/>
        <source>River crossing</source>
        <translation>Penyeberangan sungai</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="173"/>
        <source>Crossing a border river by small boat, raft or wading.</source>
        <translation>Menyeberangi sungai perbatasan dengan perahu kecil, rakit, atau berjalan di air.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="174"/>
        <source>Forest or hill path</source>
        <translation>Jalur hutan atau bukit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="175"/>
        <source>Unofficial path through forest or hills away from a crossing point.</source>
        <translation>Jalur tidak resmi melalui hutan atau bukit jauh dari pos lintas batas.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="178"/>
        <source>Boat landing</source>
        <translation>Pendaratan perahu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="179"/>
        <source>Landing from a boat at an unofficial point on the coast.</source>
        <translation>Mendarat dari perahu di titik tidak resmi di pantai.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="180"/>
        <source>Guided group</source>
        <translation>Kelompok berpemandu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="181"/>
        <source>Group led across by a guide who knows the terrain and patrol times.</source>
        <translation>Kelompok dipandu menyeberang oleh pemandu yang mengenal medan dan jadwal patroli.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="184"/>
        <source>Relay transport</source>
        <translation>Angkutan estafet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="185"/>
        <source>Persons handed over between several drivers or vehicles along the route.</source>
        <translation>Orang dioper antara beberapa sopir atau kendaraan sepanjang rute.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="188"/>
        <source>Safe house</source>
        <translation>Rumah singgah</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="189"/>
        <source>Persons held at a staging house before or after the crossing.</source>
        <translation>Orang ditampung di rumah singgah sebelum atau sesudah penyeberangan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="190"/>
        <source>Fraudulent job offer</source>
        <translation>Tawaran kerja palsu</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="191"/>
        <source>Recruitment with a job offer that is false or misleading.</source>
        <translation>Perekrutan dengan tawaran kerja yang palsu atau menyesatkan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="192"/>
        <source>Debt bondage</source>
        <translation>Jeratan utang</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="193"/>
        <source>Travel costs turned into a debt to be worked off.</source>
        <translation>Biaya perjalanan dijadikan utang yang harus dilunasi dengan bekerja.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="194"/>
        <source>Document withholding</source>
        <translation>Penahanan dokumen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="195"/>
        <source>Identity or travel documents kept by an employer, recruiter or smuggler.</source>
        <translation>Dokumen identitas atau perjalanan ditahan oleh majikan, perekrut, atau penyelundup.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="198"/>
        <source>Look-alike document</source>
        <translation>Dokumen orang yang mirip</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="199"/>
        <source>Genuine document of another person who looks similar.</source>
        <translation>Dokumen asli milik orang lain yang berwajah mirip.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="200"/>
        <source>Visa misuse</source>
        <translation>Penyalahgunaan visa</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="201"/>
        <source>Tourist or visit visa used to enter for work or onward travel.</source>
        <translation>Visa turis atau kunjungan digunakan untuk bekerja atau perjalanan lanjutan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="202"/>
        <source>Overstay</source>
        <translation>Tinggal melebihi izin</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="203"/>
        <source>Stay beyond the permitted period.</source>
        <translation>Tinggal melebihi jangka waktu yang diizinkan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="204"/>
        <source>Sham marriage</source>
        <translation>Perkawinan pura-pura</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="205"/>
        <source>Marriage of convenience to obtain residence rights.</source>
        <translation>Perkawinan semu untuk memperoleh hak tinggal.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="206"/>
        <source>Online recruitment</source>
        <translation>Perekrutan daring</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="207"/>
        <source>Contact and recruitment through social media or messaging apps.</source>
        <translation>Kontak dan perekrutan melalui media sosial atau aplikasi pesan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="210"/>
        <source>Payment on arrival</source>
        <translation>Pembayaran saat tiba</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="211"/>
        <source>Fee paid by relatives once the person has arrived.</source>
        <translation>Biaya dibayar kerabat setelah orang tersebut tiba.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="212"/>
        <source>Informal value transfer</source>
        <translation>Transfer dana informal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="213"/>
        <source>Payment through informal transfer networks or mobile money.</source>
        <translation>Pembayaran melalui jaringan transfer informal atau uang seluler.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="214"/>
        <source>Bribery attempt</source>
        <translation>Percobaan penyuapan</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="215"/>
        <source>Attempt to bribe an official to allow passage.</source>
        <translation>Percobaan menyuap petugas agar diizinkan lewat.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="216"/>
        <source>Lookouts</source>
        <translation>Pengintai</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="217"/>
        <source>Lookouts or scouts watching patrols to time the crossing.</source>
        <translation>Pengintai yang mengawasi patroli untuk mengatur waktu penyeberangan.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="218"/>
        <source>Escorted minors</source>
        <translation>Anak di bawah umur yang dikawal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="219"/>
        <source>Children travelling with adults who are not their parents or guardians.</source>
        <translation>Anak-anak bepergian bersama orang dewasa yang bukan orang tua atau walinya.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="223"/>
        <source>TLP:CLEAR</source>
        <translation>TLP:CLEAR</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="224"/>
        <source>Disclosure is not limited: recipients may pass it on to anyone. Ordinary copyright rules still apply.</source>
        <translation>Pengungkapan tidak dibatasi: penerima boleh meneruskannya kepada siapa pun. Aturan hak cipta biasa tetap berlaku.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="228"/>
        <source>TLP:GREEN</source>
        <translation>TLP:GREEN</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="229"/>
        <source>Limited disclosure within the community: recipients may share it with peers and partner organisations, but not through public channels.</source>
        <translation>Pengungkapan terbatas dalam komunitas: penerima boleh membagikannya kepada rekan dan organisasi mitra, tetapi tidak melalui saluran publik.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="233"/>
        <source>TLP:AMBER</source>
        <translation>TLP:AMBER</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="234"/>
        <source>Limited disclosure: recipients may share it only on a need-to-know basis within their own organisation and with its clients.</source>
        <translation>Pengungkapan terbatas: penerima hanya boleh membagikannya atas dasar perlu-tahu di dalam organisasinya sendiri dan dengan kliennya.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="238"/>
        <source>TLP:AMBER+STRICT</source>
        <translation>TLP:AMBER+STRICT</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="239"/>
        <source>Limited disclosure, organisation only: recipients may share it on a need-to-know basis within their own organisation, not with its clients.</source>
        <translation>Pengungkapan terbatas, hanya organisasi: penerima boleh membagikannya atas dasar perlu-tahu di dalam organisasinya sendiri, tidak dengan kliennya.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="243"/>
        <source>TLP:RED</source>
        <translation>TLP:RED</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="244"/>
        <source>For the named recipients only: no further disclosure, not even inside their own organisation.</source>
        <translation>Hanya untuk penerima yang disebut: tidak boleh diungkapkan lebih lanjut, bahkan di dalam organisasinya sendiri.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="249"/>
        <source>Completely reliable</source>
        <translation>Sepenuhnya andal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="250"/>
        <source>No doubt about authenticity, trustworthiness or competence; a history of complete reliability.</source>
        <translation>Tidak diragukan keaslian, kepercayaan, atau kompetensinya; riwayat keandalan penuh.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="254"/>
        <source>Usually reliable</source>
        <translation>Biasanya andal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="255"/>
        <source>Minor doubts; a history of mostly valid information.</source>
        <translation>Sedikit keraguan; riwayat informasi yang sebagian besar sahih.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="256"/>
        <source>Fairly reliable</source>
        <translation>Cukup andal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="257"/>
        <source>Some doubts; has given valid information in the past.</source>
        <translation>Ada keraguan; pernah memberi informasi sahih di masa lalu.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="258"/>
        <source>Not usually reliable</source>
        <translation>Biasanya tidak andal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="259"/>
        <source>Significant doubts; has given valid information in the past.</source>
        <translation>Keraguan besar; pernah memberi informasi sahih di masa lalu.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="260"/>
        <source>Unreliable</source>
        <translation>Tidak andal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="261"/>
        <source>Lacks authenticity, trustworthiness and competence; a history of invalid information.</source>
        <translation>Kurang keaslian, kepercayaan, dan kompetensi; riwayat informasi yang tidak sahih.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="265"/>
        <source>Reliability cannot be judged</source>
        <translation>Keandalan tidak dapat dinilai</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="266"/>
        <source>No basis to evaluate the source.</source>
        <translation>Tidak ada dasar untuk menilai sumber.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="268"/>
        <source>Confirmed by other sources</source>
        <translation>Dikonfirmasi sumber lain</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="269"/>
        <source>Confirmed by independent sources; logical in itself; consistent with other information.</source>
        <translation>Dikonfirmasi sumber independen; logis; konsisten dengan informasi lain.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="273"/>
        <source>Probably true</source>
        <translation>Kemungkinan besar benar</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="274"/>
        <source>Not confirmed; logical in itself; consistent with other information.</source>
        <translation>Belum dikonfirmasi; logis; konsisten dengan informasi lain.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="277"/>
        <source>Possibly true</source>
        <translation>Mungkin benar</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="278"/>
        <source>Not confirmed; reasonably logical; agrees with some other information.</source>
        <translation>Belum dikonfirmasi; cukup logis; sesuai dengan sebagian informasi lain.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="281"/>
        <source>Doubtful</source>
        <translation>Diragukan</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="282"/>
        <source>Not confirmed; possible but not logical; no other information on the subject.</source>
        <translation>Belum dikonfirmasi; mungkin tetapi tidak logis; tidak ada informasi lain tentang hal itu.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="285"/>
        <source>Improbable</source>
        <translation>Kecil kemungkinannya</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="286"/>
        <source>Not confirmed; not logical in itself; contradicted by other information.</source>
        <translation>Belum dikonfirmasi; tidak logis; bertentangan dengan informasi lain.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="289"/>
        <source>Truth cannot be judged</source>
        <translation>Kebenaran tidak dapat dinilai</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="290"/>
        <source>No basis to evaluate the validity of the information.</source>
        <translation>Tidak ada dasar untuk menilai kesahihan informasi.</translation>
    </message>
</context>
<context>
    <name>role</name>
    <message>
        <location filename="../../ui/i18n.py" line="74"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="75"/>
        <source>Organisational focal point</source>
        <translation>Titik fokus organisasi</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="76"/>
        <source>National focal point</source>
        <translation>Titik fokus nasional</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="85"/>
        <source>{certified} ({requested}: not certified yet)</source>
        <translation>{certified} ({requested}: belum disertifikasi)</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../ui/i18n.py" line="62"/>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="63"/>
        <source>Waiting for review</source>
        <translation>Menunggu peninjauan</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="64"/>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="65"/>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="66"/>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="67"/>
        <source>Acknowledged</source>
        <translation>Dikonfirmasi</translation>
    </message>
</context>
</TS>
