"""An upper bound on served priority, much tighter than the LP on weeks with travel caps.

Usage: python3 Benchmarks/route_bound.py SCENARIO.json [MAX_SCHOOLS_PER_DAY=9] [SECONDS=120]

Each specialist-day picks at most one order of distinct schools (within its travel cap and
max_schools_per_day); the sessions it serves there (service, skills, pin, days) must fit in the
time the sessions' window leaves after the journeys between those schools, the first journey's
lateness and the part of the lunch break that cannot fall outside it. Every plan the checker
accepts is such a choice (a route that comes back to a school only adds travel), so the MIP's
optimum, solved with HiGHS (PyPI highspy), bounds every plan; with a time limit, its dual
bound does. Orders are grown school by school and cut once even the latest end cannot hold one
session per school, so the printed counts show that no longer route exists.
Prints {"bound", "best", "gap", "K"}; stderr has the number of orders by schools per day.
"""
import itertools, json, sys
sys.path.insert(0, '/work/shared/tools')
from check_plan import hhmm, travel
import highspy

scn = json.load(open(sys.argv[1])); K = int(sys.argv[2]) if len(sys.argv) > 2 else 4
S, model = scn['sessions'], scn['travel']
schools = {s['id']: s for s in scn['schools']}
def ok(sp, day, s):
    return (s['service'] == sp['service'] and (not s.get('specialist') or s['specialist'] == sp['id'])
            and set(s.get('skills') or []) <= set(sp.get('skills') or []) and (not s.get('days') or day in s['days']))
cols, tasks, counts = [], [], {}  # cols: (task, schools tuple, avail)
for sp in scn['specialists']:
    cap = sp.get('max_travel_min_per_day'); ms = sp.get('max_schools_per_day')
    for d in sp['days']:
        day, st, en, br = d['day'], hhmm(d['start']), hhmm(d['end']), d.get('break')
        elig = [j for j, s in enumerate(S) if ok(sp, day, s)]
        by = {}
        for j in elig: by.setdefault(S[j]['school'], []).append(j)
        t = len(tasks); tasks.append((sp['id'], day, elig))
        tb = {u: travel(model, sp['base'], schools[u]) for u in by}
        W1 = max([hhmm(S[j].get('latest_end') or '23:59') for j in elig] or [0])
        mind = {u: min(S[j]['duration_min'] for j in by[u]) for u in by}
        def avail_of(seq, inter, end_cap):
            js = [j for u in seq for j in by[u]]
            w0 = min(hhmm(S[j].get('earliest') or '00:00') for j in (js if end_cap is None else elig))
            w1 = max(hhmm(S[j].get('latest_end') or '23:59') for j in js) if end_cap is None else end_cap
            start, end = max(w0, st + tb[seq[0]]), min(w1, en - (tb[seq[-1]] if end_cap is None else 0))
            a = end - start - inter
            if br:
                be, bl, b = hhmm(br['earliest']), hhmm(br['latest_end']), br['minutes']
                a -= max(0, b - max(0, start - be) - max(0, bl - end))
            return a
        def grow(seq, inter, need):
            k = len(seq)
            if ms and k > ms: return
            if k > K: return
            # prefix prune: the best any extension could have (window to the latest end, no return yet)
            if avail_of(seq, inter, W1) < need: return
            tot = tb[seq[0]] + inter + tb[seq[-1]]
            if cap is None or tot <= cap:
                a = avail_of(seq, inter, None)
                if a >= need: cols.append((t, tuple(seq), a)); counts[k] = counts.get(k, 0) + 1
            if cap is not None and tb[seq[0]] + inter > cap: return
            for u in by:
                if u in seq: continue
                grow(seq + [u], inter + travel(model, schools[seq[-1]], schools[u]), need + mind[u])
        for u in by: grow([u], 0, mind[u])
print('columns by schools per day', counts, file=sys.stderr)
print('tasks', len(tasks), 'columns', len(cols), file=sys.stderr)
h = highspy.Highs(); h.setOptionValue('output_flag', False); h.setOptionValue('time_limit', float(sys.argv[3]) if len(sys.argv) > 3 else 120.0)
inf = highspy.kHighsInf
nx = len(cols)
for c in cols: h.addVar(0, 1)
yidx = {}
for t, (_, _, elig) in enumerate(tasks):
    for j in elig: yidx[(j, t)] = h.getNumCol(); h.addVar(0, 1)
h.changeColsIntegrality(h.getNumCol(), list(range(h.getNumCol())), [highspy.HighsVarType.kInteger] * h.getNumCol())
h.changeColsCost(len(yidx), [v for v in yidx.values()], [-S[j]['priority'] for (j, t) in yidx])
cols_of = {}
for i, (t, seq, avail) in enumerate(cols): cols_of.setdefault(t, []).append(i)
for t, ids in cols_of.items():
    h.addRow(-inf, 1, len(ids), ids, [1.0] * len(ids))
by_j = {}
for (j, t), v in yidx.items(): by_j.setdefault(j, []).append(v)
for j, vs in by_j.items(): h.addRow(-inf, 1, len(vs), vs, [1.0] * len(vs))
for (j, t), v in yidx.items():
    ids = [i for i in cols_of.get(t, []) if S[j]['school'] in cols[i][1]]
    h.addRow(-inf, 0, len(ids) + 1, [v] + ids, [1.0] + [-1.0] * len(ids))
for t, (_, _, elig) in enumerate(tasks):
    ids = cols_of.get(t, [])
    idx = [yidx[(j, t)] for j in elig] + ids
    val = [float(S[j]['duration_min']) for j in elig] + [-float(cols[i][2]) for i in ids]
    h.addRow(-inf, 0, len(idx), idx, val)
h.run()
info = h.getInfo()
print(json.dumps({'bound': -info.mip_dual_bound, 'best': -info.objective_function_value, 'gap': info.mip_gap, 'K': K}))
