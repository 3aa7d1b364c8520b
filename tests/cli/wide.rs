//! Wide characters: CJK names and notes take two columns each, and every
//! table and report still fits the terminal.

use unicode_width::UnicodeWidthStr;

use crate::env::TestEnv;

/// A journal whose people have Chinese, Japanese and Korean names (the
/// widest in their column, where a count of characters would be short by
/// half), and whose goals and notes are written in those scripts.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "--person",
        "李小龍",
        "--role",
        "mentor",
        "--cadence",
        "biweekly",
        "--started",
        "2026-06-01",
        "--purpose",
        "成为技术负责人，带领团队完成一个跨部门的重要项目",
        "--their-aims",
        "学习如何在跨团队项目中发挥影响力",
        "--agreed",
        "2026-06-03",
        "--how",
        "每两周一次，四十五分钟，由她来定议程",
        "--goal",
        "主持一次设计评审会议，并写出一份给全组看的总结报告",
        "--goal",
        "Mentor an intern",
    ]);
    env.ok(&[
        "checkin",
        "li-xiao-long",
        "--date",
        "2026-11-12",
        "--rating",
        "4",
        "-m",
        "我们讨论了设计文档的结构，以及如何在评审会上回答难题。下次要准备一个十分钟的演示，并请两位同事提前看稿。",
        "--working",
        "她自己定议程",
        "--their-action",
        "起草设计文档的第一版并发给团队征求意见",
        "--action",
        "介绍她认识平台组的负责人",
    ]);
    env.ok(&[
        "new",
        "--person",
        "山田花子",
        "--role",
        "sponsor",
        "--cadence",
        "monthly",
        "--started",
        "2026-07-01",
        "--destination",
        "来年の春までにスタッフエンジニアになる",
    ]);
    env.ok(&[
        "new",
        "--person",
        "김민준",
        "--role",
        "mentee",
        "--cadence",
        "monthly",
        "--started",
        "2026-08-01",
        "--purpose",
        "팀을 이끄는 법을 배우기",
    ]);
    env
}

/// Every line of `text` fits in `columns`, counted as a terminal does.
fn assert_fits(text: &str, columns: usize, what: &str) {
    for line in text.lines() {
        assert!(
            line.width() <= columns,
            "{what} at {columns} columns: {} columns in {line:?}",
            line.width()
        );
    }
}

#[test]
fn the_list_fits_with_wide_names() {
    let env = journal();
    for columns in [60, 100] {
        let run = env.run_with(env.cmd().env("COLUMNS", columns.to_string()).arg("list"));
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert_fits(&run.stdout, columns, "rel list");
        for name in ["李小龍", "山田花子", "김민준"] {
            assert!(
                run.stdout.contains(name),
                "{name} cut at {columns}:\n{}",
                run.stdout
            );
        }
        insta::assert_snapshot!(format!("list_{columns}"), run.transcript());
    }
}

#[test]
fn the_report_fits_with_wide_names_and_notes() {
    let env = journal();
    for columns in [60, 100] {
        for handle in ["li-xiao-long", "shan-tian-hua-zi"] {
            let run = env.run_with(
                env.cmd()
                    .env("COLUMNS", columns.to_string())
                    .args(["show", handle]),
            );
            assert_eq!(run.code, 0, "{}", run.transcript());
            assert_fits(&run.stdout, columns, handle);
            insta::assert_snapshot!(format!("show_{handle}_{columns}"), run.transcript());
        }
    }
}
