//! Peak heap of the engine's work on a generated story, the way the web
//! app's engine does it: the story file read, every article analysed, the
//! view-model built and written out in parts (each dropped once written, as
//! the engine hands it to the page). Wasm memory never shrinks, so the peak
//! is what the engine's memory comes to.
//! `cargo run --release -p parallax-core --example view_memory [ARTICLES...]`

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use parallax_core::compare::StoryBuild;
use parallax_core::compare::parts::each_part;
use parallax_core::import::story_file::{parse_story_file, to_json};
use parallax_core::synthetic::synthetic_story_file;

/// Counts the bytes allocated now and at most.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let now = NOW.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            NOW.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    println!("articles  file MB  analysed MB (peak)  view MB (peak)  parts peak MB");
    for articles in common::story_sizes() {
        let file = to_json(&synthetic_story_file(articles, 5 * 1024, 7));
        let base = NOW.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let Ok(story) = parse_story_file(&file) else {
            eprintln!("unreadable story file");
            return;
        };
        let mut build = StoryBuild::new(story.into_story("synthetic"));
        while build.step() {}
        let analysed = (NOW.load(Ordering::Relaxed), PEAK.load(Ordering::Relaxed));
        let view = build.finish();
        let built = (NOW.load(Ordering::Relaxed), PEAK.load(Ordering::Relaxed));
        each_part(&view, 64 * 1024, drop);
        let peak = PEAK.load(Ordering::Relaxed);
        // What the view-model holds, list by list, then the rest: the
        // analyses and the alignment kept for the exports.
        let mut view = view;
        let now = || NOW.load(Ordering::Relaxed);
        let mut held = Vec::new();
        let mut last = now();
        let mut took = |name: &'static str, last: &mut usize| {
            held.push(format!("{name} {:.1}", mb(*last - now())));
            *last = now();
        };
        drop(std::mem::take(&mut view.articles));
        took("articles", &mut last);
        drop(std::mem::take(&mut view.facts));
        took("facts", &mut last);
        drop(std::mem::take(&mut view.omissions));
        took("omissions", &mut last);
        drop(std::mem::take(&mut view.quotes));
        took("quotes", &mut last);
        drop(std::mem::take(&mut view.entities));
        took("entities", &mut last);
        drop(std::mem::take(&mut view.timeline));
        took("timeline", &mut last);
        held.push(format!("rest {:.1}", mb(now() - base)));
        drop(view);
        println!(
            "{articles:8}  {:7.1}  {:7.1} ({:7.1})  {:6.1} ({:6.1})  {:7.1}",
            mb(file.len()),
            mb(analysed.0 - base),
            mb(analysed.1 - base),
            mb(built.0 - base),
            mb(built.1 - base),
            mb(peak - base),
        );
        println!("          view MB by list: {}", held.join(", "));
    }
}
