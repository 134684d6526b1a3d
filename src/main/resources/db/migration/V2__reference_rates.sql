-- Initial reference data (dated, editable in the settings; later rows with a later valid_from supersede these).
-- Penerima Upah (PU): rates on the reported monthly wage.
INSERT INTO contribution_rate (id, segment, programme, risk_class, valid_from, rate_percent, flat_amount, minimum_amount, wage_cap, note) VALUES
 ('00000000-0000-0000-0001-000000000001', 'PU', 'JKK', 1, DATE '2015-07-01', 0.24, NULL, NULL, NULL, 'PP 44/2015: sangat rendah'),
 ('00000000-0000-0000-0001-000000000002', 'PU', 'JKK', 2, DATE '2015-07-01', 0.54, NULL, NULL, NULL, 'PP 44/2015: rendah'),
 ('00000000-0000-0000-0001-000000000003', 'PU', 'JKK', 3, DATE '2015-07-01', 0.89, NULL, NULL, NULL, 'PP 44/2015: sedang'),
 ('00000000-0000-0000-0001-000000000004', 'PU', 'JKK', 4, DATE '2015-07-01', 1.27, NULL, NULL, NULL, 'PP 44/2015: tinggi'),
 ('00000000-0000-0000-0001-000000000005', 'PU', 'JKK', 5, DATE '2015-07-01', 1.74, NULL, NULL, NULL, 'PP 44/2015: sangat tinggi'),
 ('00000000-0000-0000-0001-000000000006', 'PU', 'JKM', NULL, DATE '2015-07-01', 0.30, NULL, NULL, NULL, 'PP 44/2015'),
 ('00000000-0000-0000-0001-000000000007', 'PU', 'JHT', NULL, DATE '2015-07-01', 5.70, NULL, NULL, NULL, '3,7% pemberi kerja + 2% pekerja'),
 ('00000000-0000-0000-0001-000000000008', 'PU', 'JP',  NULL, DATE '2015-07-01', 3.00, NULL, NULL, 10547400, '2% + 1%; batas upah 2025 (perlu dicek)'),
-- Bukan Penerima Upah (BPU): on declared income.
 ('00000000-0000-0000-0001-000000000011', 'BPU', 'JKK', NULL, DATE '2015-07-01', 1.00, NULL, 10000, NULL, '1% penghasilan, minimal Rp10.000'),
 ('00000000-0000-0000-0001-000000000012', 'BPU', 'JKM', NULL, DATE '2015-07-01', NULL, 6800, NULL, NULL, 'tetap Rp6.800'),
 ('00000000-0000-0000-0001-000000000013', 'BPU', 'JHT', NULL, DATE '2015-07-01', 2.00, NULL, NULL, NULL, '2% penghasilan');

-- Minimum fixed income (siltap, PP 11/2019) as default wage bases.
INSERT INTO wage_base_default (id, category, position, valid_from, amount, note) VALUES
 ('00000000-0000-0000-0002-000000000001', 'KEPALA_DESA', NULL, DATE '2019-03-14', 2426640, 'Siltap kepala desa, PP 11/2019'),
 ('00000000-0000-0000-0002-000000000002', 'PERANGKAT_DESA', 'SEKRETARIS_DESA', DATE '2019-03-14', 2224420, 'Siltap sekretaris desa, PP 11/2019'),
 ('00000000-0000-0000-0002-000000000003', 'PERANGKAT_DESA', NULL, DATE '2019-03-14', 2022200, 'Siltap perangkat desa lainnya, PP 11/2019');
