//! The consistency check: which claims must be set aside so that the rest
//! can all be true.
//!
//! Each kind of question says which *pairs* of claims cannot both hold (a
//! clash). For every kind claimcheck compares, a set of claims is
//! consistent exactly when no pair in it clashes: intervals on a line that
//! meet pairwise share a point (Helly), and a monotonic series or a state
//! timeline fails only through a pair in the wrong order. So the smallest
//! set of claims whose removal leaves the rest consistent is a minimum
//! weight vertex cover of the clash graph, weighted by independent voices.
//!
//! The cover is found exactly by branch and bound for each connected
//! component (one component is one disagreement). Where several covers
//! are equally small the data cannot say which side is wrong, and the
//! claims that are in some but not all of them are *undecided* rather
//! than suspect. A component too large to search within the budget falls
//! back to a greedy cover and says so.

// Reasoned exception to the crate's no-indexing rule: vertices are the
// numbers `0..n` of the claims of one question, the adjacency lists and
// weights have exactly `n` entries, and edges are built from `0..n` by the
// caller; no input reaches an index unchecked.
#![allow(clippy::indexing_slicing)]

/// Two weights closer than this are equal (weights are sums of fractions).
const EPS: f64 = 1e-9;

/// Components with more claims than this are solved greedily, and say
/// so: the exact search (and telling suspects from undecided claims, two
/// more searches per claim) grows exponentially in the worst case.
const EXACT_LIMIT: usize = 40;

/// Search steps allowed per component before falling back to greedy.
const BUDGET: u64 = 200_000;

/// What the check concluded for one connected component of clashes.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    /// Every claim (index) in the component, sorted.
    pub members: Vec<usize>,
    /// Claims in every smallest cover: the likeliest errors.
    pub suspects: Vec<usize>,
    /// Claims in some smallest covers but not all: the data cannot decide.
    pub undecided: Vec<usize>,
    /// The weight of a smallest cover.
    pub weight: f64,
    /// False when the component was too large to search exhaustively.
    pub exact: bool,
}

/// Splits the clash graph into components and solves each.
pub fn check(n: usize, edges: &[(usize, usize)], weight: &[f64]) -> Vec<Component> {
    let mut adj = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a != b && !adj[a].contains(&b) {
            adj[a].push(b);
            adj[b].push(a);
        }
    }
    for list in &mut adj {
        list.sort_unstable();
    }
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    for start in 0..n {
        if seen[start] || adj[start].is_empty() {
            continue;
        }
        let mut members = vec![start];
        seen[start] = true;
        let mut i = 0;
        while i < members.len() {
            for &m in &adj[members[i]] {
                if !seen[m] {
                    seen[m] = true;
                    members.push(m);
                }
            }
            i += 1;
        }
        members.sort_unstable();
        out.push(solve_component(&adj, weight, members));
    }
    out
}

fn solve_component(adj: &[Vec<usize>], weight: &[f64], members: Vec<usize>) -> Component {
    let n = adj.len();
    let mut alive = vec![false; n];
    for &m in &members {
        alive[m] = true;
    }
    if members.len() > EXACT_LIMIT {
        let mut cover = greedy_set(adj, weight, &alive);
        cover.sort_unstable();
        let cover_weight: f64 = cover.iter().map(|&v| weight[v]).sum();
        let total: f64 = members.iter().map(|&v| weight[v]).sum();
        // Without the exact search, only a clear minority is called suspect;
        // otherwise the data is said not to decide.
        let (suspects, undecided) = if cover_weight * 2.0 < total {
            (cover, Vec::new())
        } else {
            (Vec::new(), members.clone())
        };
        return Component {
            members,
            suspects,
            undecided,
            weight: cover_weight,
            exact: false,
        };
    }
    let (best, exact) = min_cover(adj, weight, &alive, 0.0);
    let mut suspects = Vec::new();
    let mut undecided = Vec::new();
    let mut all_exact = exact;
    for &v in &members {
        // Forced out: all its neighbours must be in the cover.
        let mut out_alive = alive.clone();
        out_alive[v] = false;
        let mut cost = 0.0;
        for &u in &adj[v] {
            if out_alive[u] {
                out_alive[u] = false;
                cost += weight[u];
            }
        }
        let (without, e1) = min_cover(adj, weight, &out_alive, cost);
        // Forced in.
        let mut in_alive = alive.clone();
        in_alive[v] = false;
        let (with, e2) = min_cover(adj, weight, &in_alive, weight[v]);
        all_exact &= e1 && e2;
        let can_stay = without.weight <= best.weight + EPS;
        let can_go = with.weight <= best.weight + EPS;
        match (can_stay, can_go) {
            (false, _) => suspects.push(v),
            (true, true) => undecided.push(v),
            (true, false) => {}
        }
    }
    Component {
        members,
        suspects,
        undecided,
        weight: best.weight,
        exact: all_exact,
    }
}

#[derive(Clone, Debug)]
struct Best {
    weight: f64,
}

/// The weight of a smallest cover of the edges among `alive` vertices,
/// plus `cost` already paid; and whether the search was exhaustive.
fn min_cover(adj: &[Vec<usize>], weight: &[f64], alive: &[bool], cost: f64) -> (Best, bool) {
    // The greedy cover is always valid: the first bound to beat.
    let greedy = cost + greedy_set(adj, weight, alive).iter().map(|&v| weight[v]).sum::<f64>();
    let mut best = Best { weight: greedy };
    let mut budget = BUDGET;
    let mut alive = alive.to_vec();
    branch(adj, weight, &mut alive, cost, &mut best, &mut budget);
    (best, budget > 0)
}

fn degree(adj: &[Vec<usize>], alive: &[bool], v: usize) -> usize {
    adj[v].iter().filter(|&&u| alive[u]).count()
}

/// A greedy cover, in O(m log n): each time the vertex that covers the
/// most edges per unit of weight, from a heap refreshed lazily as
/// neighbours leave.
fn greedy_set(adj: &[Vec<usize>], weight: &[f64], alive: &[bool]) -> Vec<usize> {
    let mut alive = alive.to_vec();
    let mut deg: Vec<usize> = (0..adj.len())
        .map(|v| if alive[v] { degree(adj, &alive, v) } else { 0 })
        .collect();
    let key = |d: usize, v: usize| ((d as f64 / weight[v].max(EPS)) * 1e6) as u64;
    let mut heap: std::collections::BinaryHeap<(u64, std::cmp::Reverse<usize>)> = (0..adj.len())
        .filter(|&v| alive[v] && deg[v] > 0)
        .map(|v| (key(deg[v], v), std::cmp::Reverse(v)))
        .collect();
    let mut cover = Vec::new();
    while let Some((k, std::cmp::Reverse(v))) = heap.pop() {
        if !alive[v] || deg[v] == 0 {
            continue;
        }
        if k != key(deg[v], v) {
            heap.push((key(deg[v], v), std::cmp::Reverse(v)));
            continue;
        }
        alive[v] = false;
        cover.push(v);
        for &u in &adj[v] {
            if alive[u] {
                deg[u] -= 1;
            }
        }
    }
    cover
}

/// A lower bound: disjoint edges each need one end in the cover.
fn matching_bound(adj: &[Vec<usize>], weight: &[f64], alive: &[bool]) -> f64 {
    let mut used = vec![false; adj.len()];
    let mut bound = 0.0;
    for v in 0..adj.len() {
        if !alive[v] || used[v] {
            continue;
        }
        if let Some(&u) = adj[v].iter().find(|&&u| alive[u] && !used[u]) {
            used[v] = true;
            used[u] = true;
            bound += weight[v].min(weight[u]);
        }
    }
    bound
}

fn branch(adj: &[Vec<usize>], weight: &[f64], alive: &mut [bool], cost: f64, best: &mut Best, budget: &mut u64) {
    if *budget == 0 {
        return;
    }
    *budget -= 1;
    // Only a strictly smaller cover changes the answer.
    if cost + matching_bound(adj, weight, alive) >= best.weight - EPS {
        return;
    }
    let pick = (0..adj.len())
        .filter(|&v| alive[v])
        .map(|v| (v, degree(adj, alive, v)))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
    let Some((v, _)) = pick.filter(|&(_, d)| d > 0) else {
        best.weight = best.weight.min(cost);
        return;
    };
    // Either v is in the cover...
    alive[v] = false;
    branch(adj, weight, alive, cost + weight[v], best, budget);
    // ...or all its live neighbours are.
    let taken: Vec<usize> = adj[v].iter().copied().filter(|&u| alive[u]).collect();
    let extra: f64 = taken.iter().map(|&u| weight[u]).sum();
    for &u in &taken {
        alive[u] = false;
    }
    branch(adj, weight, alive, cost + extra, best, budget);
    for &u in &taken {
        alive[u] = true;
    }
    alive[v] = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lone_dissenter_is_the_suspect() {
        // 0, 1, 2 agree; 3 clashes with each of them.
        let c = check(4, &[(0, 3), (1, 3), (2, 3)], &[1.0; 4]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].suspects, vec![3]);
        assert!(c[0].undecided.is_empty());
        assert_eq!(c[0].weight, 1.0);
    }

    #[test]
    fn equal_sides_are_undecided() {
        // {0, 1} vs {2, 3}: every cross pair clashes.
        let c = check(4, &[(0, 2), (0, 3), (1, 2), (1, 3)], &[1.0; 4]);
        assert!(c[0].suspects.is_empty());
        assert_eq!(c[0].undecided, vec![0, 1, 2, 3]);
    }

    #[test]
    fn copies_weigh_as_one_voice() {
        // 0 and 1 are copies of one story (half a voice each); 2 is another voice.
        let c = check(3, &[(0, 2), (1, 2)], &[0.5, 0.5, 1.0]);
        assert_eq!(c[0].undecided, vec![0, 1, 2]);
        // Three copies against one voice: still a tie, never a majority.
        let c = check(4, &[(0, 3), (1, 3), (2, 3)], &[1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0, 1.0]);
        assert!(c[0].suspects.is_empty(), "{c:?}");
    }

    #[test]
    fn separate_disagreements_are_separate_components() {
        let c = check(6, &[(0, 1), (3, 4), (3, 5)], &[1.0; 6]);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].members, vec![0, 1]);
        assert_eq!(c[1].members, vec![3, 4, 5]);
        assert_eq!(c[1].suspects, vec![3]);
    }

    #[test]
    fn a_large_disagreement_is_solved_greedily_and_says_so() {
        // 60 claims against 3: far past the exact limit, still quick.
        let n = 63;
        let edges: Vec<(usize, usize)> = (0..60).flat_map(|a| (60..63).map(move |b| (a, b))).collect();
        let c = check(n, &edges, &vec![1.0; n]);
        assert_eq!(c.len(), 1);
        assert!(!c[0].exact);
        assert_eq!(c[0].suspects, vec![60, 61, 62]);
        // Two equal halves: the greedy choice is no verdict.
        let edges: Vec<(usize, usize)> = (0..30).flat_map(|a| (30..60).map(move |b| (a, b))).collect();
        let c = check(60, &edges, &[1.0; 60]);
        assert!(c[0].suspects.is_empty());
        assert_eq!(c[0].undecided.len(), 60);
    }

    #[test]
    fn a_path_has_its_middle_as_cover() {
        let c = check(3, &[(0, 1), (1, 2)], &[1.0; 3]);
        assert_eq!(c[0].suspects, vec![1]);
    }
}

/// How two claims of one question relate.
#[derive(Clone, Debug, PartialEq)]
pub enum Relation {
    /// Both can be true.
    Consistent,
    /// They cannot both be true, for this reason.
    Clash(super::Reason),
    /// Both can be true only because their times are imprecise; the text
    /// says what would decide it.
    Unclear(String),
}
