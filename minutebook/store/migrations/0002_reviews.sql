-- Version 2: the clerk's reviews, record lineage, and the views that apply reviews to records.
-- Frozen: released, so never edited; a change to the schema is a new file.

CREATE TABLE reviews (
            id integer primary key,
            record_id text not null,
            action text not null check (action in ('accept', 'reject', 'edit')),
            field text,
            value,
            by text,
            note text,
            at text not null,
            text_hash_at_review text,
            check ((action = 'edit') = (field is not null))
        );

CREATE INDEX reviews_record on reviews(record_id);

CREATE TABLE record_lineage (
            id integer primary key,
            document_id text not null,
            run_id integer,
            old_id text not null,
            new_id text,
            similarity real
        );

CREATE INDEX lineage_old on record_lineage(old_id);

CREATE INDEX lineage_new on record_lineage(new_id);

CREATE VIEW review_targets as
        with recursive chain(review_id, record_id) as (
            select id, record_id from reviews
            union
            select chain.review_id, l.new_id
            from chain join record_lineage l on l.old_id = chain.record_id
            where l.new_id is not null
        )
        select review_id, record_id from chain;

CREATE VIEW reviewed_records as
        with applied as (
            select t.record_id, v.id, v.action, v.field, v.value, v.text_hash_at_review
            from review_targets t join reviews v on v.id = t.review_id
        ),
        latest_edit as (
            select record_id, field, value from (
                select record_id, field, value,
                       row_number() over (partition by record_id, field order by id desc) as n
                from applied where action = 'edit'
            ) where n = 1
        ),
        edits as (
            select record_id, max(field = 'kind') as has_kind, max(case when field = 'kind' then value end) as kind,
max(field = 'code') as has_code, max(case when field = 'code' then value end) as code,
max(field = 'item_title') as has_item_title, max(case when field = 'item_title' then value end) as item_title,
max(field = 'text') as has_text, max(case when field = 'text' then value end) as text,
max(field = 'recipient') as has_recipient, max(case when field = 'recipient' then value end) as recipient,
max(field = 'owner') as has_owner, max(case when field = 'owner' then value end) as owner,
max(field = 'deadline') as has_deadline, max(case when field = 'deadline' then value end) as deadline,
max(field = 'meeting_date') as has_meeting_date, max(case when field = 'meeting_date' then value end) as meeting_date,
max(field = 'progress') as has_progress, max(case when field = 'progress' then value end) as progress,
max(field = 'noting') as has_noting, max(case when field = 'noting' then value end) as noting
            from latest_edit group by record_id
        ),
        latest as (
            select record_id, action, text_hash_at_review from (
                select record_id, action, text_hash_at_review,
                       row_number() over (partition by record_id order by id desc) as n
                from applied
            ) where n = 1
        )
        select r.id, r.document_id, r.ordinal, r.text_hash, r.status, r.first_run, r.last_changed_run, r.removed_run, case when e.has_kind then e.kind else r.kind end as kind, case when e.has_code then e.code else r.code end as code, case when e.has_item_title then e.item_title else r.item_title end as item_title, case when e.has_text then e.text else r.text end as text, case when e.has_recipient then e.recipient else r.recipient end as recipient, case when e.has_owner then e.owner else r.owner end as owner, case when e.has_deadline then e.deadline else r.deadline end as deadline, case when e.has_meeting_date then e.meeting_date else r.meeting_date end as meeting_date, case when e.has_progress then e.progress else r.progress end as progress, case when e.has_noting then e.noting else r.noting end as noting, r.source, r.sha256, r.page, r.start, r.end, r.rule, r.warnings,
            case d.action when 'accept' then 'accepted' when 'reject' then 'rejected'
                          when 'edit' then 'edited' end as review_state,
            case when d.action is null then 0
                 when d.text_hash_at_review is r.text_hash then 0 else 1 end as review_stale
        from records r
        left join edits e on e.record_id = r.id
        left join latest d on d.record_id = r.id;

CREATE VIEW effective_records as select * from reviewed_records where review_state is not 'rejected';
