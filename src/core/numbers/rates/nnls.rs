//! Non-negative least squares for the small systems of `rates`: the x ≥ 0
//! that makes ‖M x − y‖ smallest, by the active-set method of Lawson and
//! Hanson (*Solving Least Squares Problems*, 1974, chapter 23).
//!
//! The method keeps a set of "free" unknowns, solves the unconstrained least
//! squares problem over them, and moves an unknown out of the set whenever the
//! solution would make it negative. The systems here have one unknown per
//! role and one row per phase (plus one per role for the pull towards a
//! common rate), so the normal equations of each step are solved directly.
//! Every loop is bounded, and a singular step ends the search with the best
//! solution found so far: nothing here can hang or panic on any input.

/// The solution of `min ‖M x − y‖, x ≥ 0`; `rows` are the rows of M, each as
/// long as the number of unknowns. Unknowns whose column is all zero stay 0.
pub(super) fn nnls(rows: &[Vec<f64>], y: &[f64]) -> Vec<f64> {
    let n = rows.first().map_or(0, Vec::len);
    let mut x = vec![0.0; n];
    if n == 0 || rows.len() != y.len() || rows.iter().any(|r| r.len() != n) {
        return x;
    }
    // Columns scaled to unit length, so that one tolerance suits every
    // unknown whatever its units; `x` is scaled back at the end.
    let norms: Vec<f64> = (0..n).map(|j| rows.iter().map(|r| r[j] * r[j]).sum::<f64>().sqrt()).collect();
    let m: Vec<Vec<f64>> = rows
        .iter()
        .map(|r| r.iter().zip(&norms).map(|(v, norm)| if *norm > 0.0 { v / norm } else { 0.0 }).collect())
        .collect();
    let scale = y.iter().map(|v| v * v).sum::<f64>().sqrt().max(1.0);
    let tolerance = 1e-12 * scale;
    let mut free = vec![false; n];
    // Each pass either frees an unknown or ends; a pass that frees one
    // may fix others again, so the bound is generous but finite.
    for _ in 0..3 * n + 3 {
        let gradient = gradient(&m, y, &x);
        let Some(next) = (0..n)
            .filter(|&j| !free[j] && norms[j] > 0.0 && gradient[j] > tolerance)
            .max_by(|&a, &b| gradient[a].total_cmp(&gradient[b]))
        else {
            break;
        };
        free[next] = true;
        for _ in 0..=n {
            let Some(z) = least_squares(&m, y, &free) else {
                free[next] = false;
                return unscale(&x, &norms);
            };
            if (0..n).filter(|&j| free[j]).all(|j| z[j] > 0.0) {
                x = z;
                break;
            }
            // Step from x towards z as far as every free unknown stays
            // non-negative; those that reach 0 are fixed at 0.
            let step = (0..n)
                .filter(|&j| free[j] && z[j] <= 0.0)
                .map(|j| x[j] / (x[j] - z[j]))
                .filter(|a| a.is_finite())
                .fold(1.0_f64, f64::min)
                .max(0.0);
            for j in 0..n {
                x[j] += step * (z[j] - x[j]);
                if free[j] && x[j] <= tolerance {
                    free[j] = false;
                    x[j] = 0.0;
                }
            }
        }
    }
    unscale(&x, &norms)
}

/// `Mᵀ (y − M x)`: how much each unknown would lower the residual.
fn gradient(m: &[Vec<f64>], y: &[f64], x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut g = vec![0.0; n];
    for (row, target) in m.iter().zip(y) {
        let residual = target - row.iter().zip(x).map(|(a, b)| a * b).sum::<f64>();
        for j in 0..n {
            g[j] += row[j] * residual;
        }
    }
    g
}

/// The unconstrained least squares solution over the free unknowns (the
/// others 0), from the normal equations; `None` when they are singular.
fn least_squares(m: &[Vec<f64>], y: &[f64], free: &[bool]) -> Option<Vec<f64>> {
    let columns: Vec<usize> = (0..free.len()).filter(|&j| free[j]).collect();
    let k = columns.len();
    let mut system: Vec<Vec<f64>> = columns
        .iter()
        .map(|&a| {
            let mut row: Vec<f64> = columns.iter().map(|&b| m.iter().map(|r| r[a] * r[b]).sum()).collect();
            row.push(m.iter().zip(y).map(|(r, t)| r[a] * t).sum());
            row
        })
        .collect();
    let solution = solve(&mut system, k)?;
    let mut x = vec![0.0; free.len()];
    for (&j, value) in columns.iter().zip(solution) {
        x[j] = value;
    }
    Some(x)
}

/// Solves the `k` equations of an augmented matrix (each row: k
/// coefficients and the right-hand side) by Gaussian elimination with
/// partial pivoting; `None` when a pivot is (nearly) zero.
pub(super) fn solve(system: &mut [Vec<f64>], k: usize) -> Option<Vec<f64>> {
    let largest = system.iter().flat_map(|r| r[..k].iter()).fold(0.0_f64, |m, v| m.max(v.abs()));
    let tiny = largest * 1e-12;
    for c in 0..k {
        let pivot = (c..k).max_by(|&a, &b| system[a][c].abs().total_cmp(&system[b][c].abs()))?;
        if system[pivot][c].abs() <= tiny || !system[pivot][c].is_finite() {
            return None;
        }
        system.swap(c, pivot);
        let pivot_row = system[c].clone();
        for (r, row) in system.iter_mut().enumerate().take(k) {
            if r != c {
                let factor = row[c] / pivot_row[c];
                for (value, p) in row[c..=k].iter_mut().zip(&pivot_row[c..=k]) {
                    *value -= factor * p;
                }
            }
        }
    }
    Some((0..k).map(|i| system[i][k] / system[i][i]).collect())
}

/// How many rows of `rows` are independent: the rank, by elimination with a
/// tolerance relative to the largest entry.
pub(super) fn rank(rows: &[Vec<f64>]) -> usize {
    let mut m: Vec<Vec<f64>> = rows.to_vec();
    let n = m.first().map_or(0, Vec::len);
    let largest = m.iter().flatten().fold(0.0_f64, |a, v| a.max(v.abs()));
    let tiny = largest * 1e-9;
    let mut rank = 0;
    for c in 0..n {
        let Some(pivot) = (rank..m.len()).max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs())) else {
            break;
        };
        if m[pivot][c].abs() <= tiny {
            continue;
        }
        m.swap(rank, pivot);
        let pivot_row = m[rank].clone();
        for row in m.iter_mut().skip(rank + 1) {
            let factor = row[c] / pivot_row[c];
            for (value, p) in row[c..n].iter_mut().zip(&pivot_row[c..n]) {
                *value -= factor * p;
            }
        }
        rank += 1;
    }
    rank
}

fn unscale(x: &[f64], norms: &[f64]) -> Vec<f64> {
    x.iter().zip(norms).map(|(v, norm)| if *norm > 0.0 { v / norm } else { 0.0 }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 1e-6 * (1.0 + y.abs()))
    }

    #[track_caller]
    fn check(rows: &[&[f64]], y: &[f64], expected: &[f64]) {
        let rows: Vec<Vec<f64>> = rows.iter().map(|r| r.to_vec()).collect();
        let x = nnls(&rows, y);
        assert!(close(&x, expected), "{x:?} is not {expected:?}");
    }

    #[test]
    fn solves_what_has_an_exact_non_negative_solution() {
        check(&[&[1.0, 0.0], &[0.0, 2.0]], &[3.0, 8.0], &[3.0, 4.0]);
        check(&[&[1.0, 1.0], &[1.0, -1.0]], &[10.0, 2.0], &[6.0, 4.0]);
    }

    #[test]
    fn keeps_unknowns_at_zero_rather_than_negative() {
        // Unconstrained, x = (4, -1). With x2 held at 0, (x1 - 3)² + (x1 - 6)²
        // is least at x1 = 4.5, and raising x2 from there would only add to it.
        check(&[&[1.0, 1.0], &[1.0, -2.0]], &[3.0, 6.0], &[4.5, 0.0]);
        check(&[&[1.0], &[1.0]], &[-1.0, -3.0], &[0.0]);
    }

    #[test]
    fn least_squares_when_no_exact_solution_exists() {
        // Three measurements of one value: their mean.
        check(&[&[1.0], &[1.0], &[1.0]], &[1.0, 2.0, 6.0], &[3.0]);
    }

    #[test]
    fn an_empty_column_stays_zero_and_nothing_panics() {
        check(&[&[0.0, 1.0], &[0.0, 1.0]], &[2.0, 4.0], &[0.0, 3.0]);
        check(&[], &[], &[]);
        assert_eq!(nnls(&[vec![f64::NAN, 1.0]], &[1.0]).len(), 2);
        assert_eq!(nnls(&[vec![1.0, 1.0]], &[f64::INFINITY]).len(), 2);
    }

    #[test]
    fn rank_counts_independent_rows() {
        assert_eq!(rank(&[vec![1.0, 2.0], vec![2.0, 4.0]]), 1);
        assert_eq!(rank(&[vec![1.0, 0.0], vec![0.0, 1.0], vec![1.0, 1.0]]), 2);
        assert_eq!(rank(&[vec![0.0, 0.0]]), 0);
        assert_eq!(rank(&[]), 0);
    }
}
