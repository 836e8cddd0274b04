//! What the examples share: the story sizes asked for on the command line.

/// The article counts given as arguments, or 10, 100 and 1,000.
pub fn story_sizes() -> Vec<usize> {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if sizes.is_empty() {
        vec![10, 100, 1000]
    } else {
        sizes
    }
}
