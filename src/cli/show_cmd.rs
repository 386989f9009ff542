//! `dateline show ID`: one stored article in full, as text (a header of fields, then the body)
//! or as the JSON `Article` (`--format json|ndjson`). The id may be a unique prefix of at
//! least four characters, as with git; an unknown id is [`Error::UnknownArticle`] (exit 2).

use std::io::Write;

use anyhow::Context;

use super::index_cmd::Relative;
use super::{Outcome, OutputFormat, ShowArgs};
use crate::article::Article;
use crate::error::Error;
use crate::index::ArchiveIndex;

/// The text form: title, then `name: value` lines for what the article has, then the body.
pub(crate) fn render_text(article: &Article, relative: &Relative) -> String {
    let mut out = format!("{}\n", article.title);
    let mut line = |name: &str, value: &str| out.push_str(&format!("{name:<10} {value}\n"));
    line("id:", &article.id);
    if let Some(published) = &article.published {
        let updated = article
            .updated
            .map(|u| format!(" (updated {u})"))
            .unwrap_or_default();
        line("published:", &format!("{published}{updated}"));
    }
    let dateline: Vec<&str> = [article.location.as_deref(), article.region.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !dateline.is_empty() {
        line("dateline:", &dateline.join(", "));
    }
    if let Some(agency) = &article.agency {
        line("agency:", agency);
    }
    if let Some(source) = &article.title_source {
        line("source:", source);
    }
    if let Some(byline) = &article.byline {
        line("byline:", byline);
    }
    if let Some(url) = &article.url {
        line("url:", url);
    }
    let record = article
        .record
        .map(|r| format!(" (record {r})"))
        .unwrap_or_default();
    line(
        "path:",
        &format!("{}{record}", relative.apply(&article.path)),
    );
    let speakers = article
        .speakers
        .iter()
        .map(|s| (s, ""))
        .chain(article.organisations.iter().map(|s| (s, "organisation")));
    for (i, (speaker, kind)) in speakers.enumerate() {
        let mut text = speaker.name.clone();
        let role = speaker.role.as_deref().unwrap_or(kind);
        if !role.is_empty() {
            text.push_str(&format!(" ({role})"));
        }
        let n = speaker.quotes;
        text.push_str(&format!(", {n} quote{}", if n == 1 { "" } else { "s" }));
        line(if i == 0 { "speakers:" } else { "" }, &text);
    }
    for warning in &article.warnings {
        line("warning:", warning);
    }
    out.push('\n');
    out.push_str(&article.body);
    out.push('\n');
    out
}

/// Runs the command.
pub fn run(args: ShowArgs) -> anyhow::Result<Outcome> {
    let dir = &args.location.index;
    let index =
        ArchiveIndex::open(dir).with_context(|| format!("opening index at {}", dir.display()))?;
    let id = index.resolve_id(&args.id)?;
    let article = index
        .article(&id)?
        .ok_or_else(|| Error::UnknownArticle(id.clone()))?;
    let text = match args.format {
        OutputFormat::Text => render_text(&article, &Relative::new()),
        OutputFormat::Json => {
            serde_json::to_string_pretty(&article).context("serialising the article")? + "\n"
        }
        OutputFormat::Ndjson => {
            serde_json::to_string(&article).context("serialising the article")? + "\n"
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("writing the article")?;
    Ok(Outcome::Found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::document::tests::sample_article;

    #[test]
    fn text_lists_every_field_speakers_with_roles_then_the_body() {
        let mut article = sample_article("0123456789abcdef", "/nowhere/a.txt");
        article.record = Some(3);
        article.region = Some("Russia".to_string());
        article.byline = Some("By Jane Doe".to_string());
        let expected = "Pipeline talks\n\
            id:        0123456789abcdef\n\
            published: 2026-02-26T11:12:00Z (updated 2026-02-26T11:13:00Z)\n\
            dateline:  MOSCOW, Russia\n\
            agency:    Sputnik\n\
            source:    Kremlin\n\
            byline:    By Jane Doe\n\
            url:       https://example.org/a\n\
            path:      /nowhere/a.txt (record 3)\n\
            speakers:  Dmitry Peskov (Kremlin spokesman), 2 quotes\n\
            \x20          Kremlin (organisation), 0 quotes\n\
            warning:   example warning\n\
            \n";
        assert_eq!(
            render_text(&article, &Relative(None)),
            format!("{expected}{}\n", article.body)
        );
    }
}
