"""External benchmarks read from ../shared/external: SkillSpan (skill and knowledge spans in
job-posting sentences) and rekrute-2021 (real postings with employer-declared study level and
experience band). Used to report only: never for rules or training in this package."""
