/**
 * Schema 14: the numbers each article writes in figures (`source_profiles.numbers`, a JSON array such
 * as ["85", "6.1", "1200"]; years and single digits left out) and the weekdays and months it names
 * (`days`, such as ["march", "sunday"]). Two reports of one happening repeat its magnitude, toll, ages
 * and sums and tell its day, where two earthquakes on one island or two jewel raids in one city differ
 * in them: the article model of event matching compares them (event-match/articles.ts). Profiles
 * stored before have NULL: such an article's numbers and days are read from its text the first time the
 * matcher compares it (EventsRepo.profiles) and stored then.
 */
export const MIGRATION_014_ARTICLE_FIGURES = /* sql */ `
ALTER TABLE source_profiles ADD COLUMN numbers TEXT CHECK (numbers IS NULL OR json_valid(numbers));
ALTER TABLE source_profiles ADD COLUMN days TEXT CHECK (days IS NULL OR json_valid(days));
`;
