-- The vendor's preliminary and final reports to the regulator, as milestones, so that the statutory
-- clocks (src/shared/deadlines.ts) can be judged met or late once the vendor reports their dates.
ALTER TABLE milestones DROP CONSTRAINT milestones_kind_check;
ALTER TABLE milestones ADD CONSTRAINT milestones_kind_check CHECK (kind IN (
  'occurred', 'detected', 'vendor_public_announcement', 'association_member_notice',
  'reported_to_officers', 'reported_to_association', 'reported_to_board', 'regulator_action',
  'regulator_preliminary_report', 'regulator_final_report'
));
