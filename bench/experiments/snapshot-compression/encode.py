#!/usr/bin/env python3
"""Encode the sampled video_snapshot_days rows (sample.tsv) into several layouts, verify exact
round-trips in python, and write COPY files (out/*.tsv) for loading into PostgreSQL.

Input columns: video_id, day (YYYY-MM-DD, UTC), views_base, views_off, likes_base, likes_off,
comments_base, comments_off (int4[] text with NULL).

Blob formats (all little-endian; "units" are a video-day (S=24 slots) or video-week (S=168)):

 common header
   byte  flags: bit0 = all S slots present (no presence bitmap follows)
                bits1-2 = likes mode, bits3-4 = comments mode:
                  0 = visible at every present slot, 1 = hidden at every present slot,
                  2 = per-snapshot visibility mask follows (ceil(n/8) bytes, 1 bit per present slot)
   [ceil(S/8) bytes presence bitmap, bit i (LSB-first) = slot i has a snapshot]  unless bit0
   [likes mask] [comments mask]  (only in mode 2)
 then per metric (views, likes, comments; skipped when it has no visible values), byte aligned:
   G (Gorilla):  uvarint(v0), zz-varint(v1-v0), zz-varint(dod_k) for k>=2   (sequential decode)
   L (FOR+linear prediction, random access):
                 zz-varint(base), zz-varint(slope_q), byte w, ceil(m*w/8) bytes packed
                 pred(t) = base + floor((slope_q*(t - t0) + 8) / 16)    (slope in 1/16 per slot)
                 t = slot index of the value, t0 = slot of first visible value
                 stored field k (w bits at bit k*w, LSB-first) = zigzag(v_k - pred(t_k))
   LU (same, unsigned): base shifted so all residuals >= 0, fields = v_k - pred(t_k)  (no zigzag)
   P (plain FOR, random access): uvarint(min), byte w, packed (v_k - min) in w bits
 Random access for slot i: bitmap bit i -> rank = popcount(bitmap & ((1<<i)-1)) (and mask rank
 for hidden), section offsets from 2-3 small header varints, then one w-bit field.
"""
import sys, os, datetime, statistics, random

S_DAY = 24

def parse_arr(s):
    if s == r'\N':
        return None
    return [None if x == 'NULL' else int(x) for x in s[1:-1].split(',')]

def load(path):
    rows = []
    with open(path) as f:
        for line in f:
            p = line.rstrip('\n').split('\t')
            vid = int(p[0]); day = datetime.date.fromisoformat(p[1])
            vals = []
            for b, o in ((p[2], p[3]), (p[4], p[5]), (p[6], p[7])):
                arr = parse_arr(o)
                if arr is None:
                    vals.append([None] * S_DAY)
                else:
                    base = int(b)
                    vals.append([None if x is None else base + x for x in arr])
            rows.append((vid, day, vals))   # vals[m][slot] absolute value or None
    return rows

# ---------------------------------------------------------------- primitives
def zz(x):  return (x << 1) if x >= 0 else ((-x) << 1) - 1
def unzz(u): return (u >> 1) if not (u & 1) else -((u + 1) >> 1)

def uvarint(out, u):
    assert u >= 0
    while u >= 0x80:
        out.append((u & 0x7F) | 0x80); u >>= 7
    out.append(u)

def read_uvarint(b, pos):
    r = 0; sh = 0
    while True:
        c = b[pos]; pos += 1
        r |= (c & 0x7F) << sh
        if c < 0x80: return r, pos
        sh += 7

def bits_to_bytes(bits, nbytes):  # bits: list of bool
    acc = 0
    for i, x in enumerate(bits):
        if x: acc |= 1 << i
    return acc.to_bytes(nbytes, 'little')

def pack(fields, w):
    acc = 0
    for k, f in enumerate(fields):
        assert 0 <= f < (1 << w) or (w == 0 and f == 0)
        acc |= f << (k * w)
    return acc.to_bytes((len(fields) * w + 7) // 8, 'little')

def unpack_one(b, pos, k, w):   # random-access read of field k
    if w == 0: return 0
    start = k * w
    lo = pos + start // 8; hi = pos + (start + w + 7) // 8
    return (int.from_bytes(b[lo:hi], 'little') >> (start % 8)) & ((1 << w) - 1)

# ---------------------------------------------------------------- header
def encode_header(out, S, vals):
    pres = [v is not None for v in vals[0]]
    n = sum(pres)
    flags = 1 if n == S else 0
    modes = []; masks = []
    for m in (1, 2):
        vis = [vals[m][i] is not None for i in range(S) if pres[i]]
        # a hidden/visible value only matters where views has a snapshot
        for i in range(S):
            if not pres[i]: assert vals[m][i] is None or True
        if all(vis): modes.append(0)
        elif not any(vis): modes.append(1)
        else: modes.append(2); masks.append(bits_to_bytes(vis, (n + 7) // 8))
    flags |= modes[0] << 1 | modes[1] << 3
    out.append(flags)
    if not flags & 1:
        out += bits_to_bytes(pres, (S + 7) // 8)
    for mk in masks: out += mk
    # visible (slot, value) per metric
    series = []
    for m in range(3):
        series.append([(i, vals[m][i]) for i in range(S) if pres[i] and vals[m][i] is not None])
    return series

def decode_header(b, S):
    flags = b[0]; pos = 1
    if flags & 1:
        pres = [True] * S
    else:
        nb = (S + 7) // 8
        bm = int.from_bytes(b[pos:pos + nb], 'little'); pos += nb
        pres = [bool(bm >> i & 1) for i in range(S)]
    slots = [i for i in range(S) if pres[i]]; n = len(slots)
    vis_slots = [slots]
    for m, sh in ((1, 1), (2, 3)):
        mode = flags >> sh & 3
        if mode == 0: vis_slots.append(slots)
        elif mode == 1: vis_slots.append([])
        else:
            nb = (n + 7) // 8
            mk = int.from_bytes(b[pos:pos + nb], 'little'); pos += nb
            vis_slots.append([s for k, s in enumerate(slots) if mk >> k & 1])
    return pos, vis_slots

def values_from(S, vis_slots, streams):
    out = [[None] * S for _ in range(3)]
    for m in range(3):
        for s, v in zip(vis_slots[m], streams[m]): out[m][s] = v
    return out

# ---------------------------------------------------------------- G: gorilla
def enc_gorilla(S, vals):
    out = bytearray(); series = encode_header(out, S, vals)
    for ser in series:
        v = [x for _, x in ser]
        if not v: continue
        uvarint(out, v[0])
        if len(v) > 1: uvarint(out, zz(v[1] - v[0]))
        for k in range(2, len(v)):
            uvarint(out, zz((v[k] - v[k-1]) - (v[k-1] - v[k-2])))
    return bytes(out)

def dec_gorilla(b, S):
    pos, vs = decode_header(b, S); streams = []
    for m in range(3):
        n = len(vs[m]); v = []
        if n:
            x, pos = read_uvarint(b, pos); v.append(x)
        if n > 1:
            u, pos = read_uvarint(b, pos); d = unzz(u); v.append(v[0] + d)
            for k in range(2, n):
                u, pos = read_uvarint(b, pos); d += unzz(u); v.append(v[-1] + d)
        streams.append(v)
    assert pos == len(b)
    return values_from(S, vs, streams)

# ---------------------------------------------------------------- L / LU: FOR + linear prediction
Q = 16   # slope fixed point
def pred_off(slope_q, dt): return (slope_q * dt + Q // 2) // Q

def fit_linear(ser, unsigned):
    t0 = ser[0][0]
    ts = [t - t0 for t, _ in ser]; vs = [v for _, v in ser]
    cands = {0}
    if len(ser) > 1:
        cands.add(round((vs[-1] - vs[0]) * Q / (ts[-1] - ts[0])))
        mt = sum(ts) / len(ts); mv = sum(vs) / len(vs)
        den = sum((t - mt) ** 2 for t in ts)
        if den: cands.add(round(Q * sum((t - mt) * (v - mv) for t, v in zip(ts, vs)) / den))
    best = None
    for sq in cands:
        r = [v - pred_off(sq, t) for t, v in zip(ts, vs)]
        lo, hi = min(r), max(r)
        if unsigned:
            base = lo; fields = [x - lo for x in r]
        else:
            base = (lo + hi) // 2; fields = [zz(x - base) for x in r]
        w = max(fields).bit_length()
        key = (w, len(vb(zz(sq))) + len(vb(zz(base))))
        if best is None or key < best[0]:
            best = (key, sq, base, w, fields)
    return best[1:]

def vb(u):
    o = bytearray(); uvarint(o, u); return o

def enc_linear(S, vals, unsigned=False):
    out = bytearray(); series = encode_header(out, S, vals)
    for ser in series:
        if not ser: continue
        sq, base, w, fields = fit_linear(ser, unsigned)
        uvarint(out, zz(base)); uvarint(out, zz(sq)); out.append(w); out += pack(fields, w)
    return bytes(out)

def dec_linear(b, S, unsigned=False, check_random=True):
    pos, vs = decode_header(b, S); streams = []
    for m in range(3):
        slots = vs[m]; n = len(slots)
        if not n: streams.append([]); continue
        u, pos = read_uvarint(b, pos); base = unzz(u)
        u, pos = read_uvarint(b, pos); sq = unzz(u)
        w = b[pos]; pos += 1
        t0 = slots[0]; v = []
        for k, t in enumerate(slots):          # each value read independently (random access)
            f = unpack_one(b, pos, k, w)
            r = f if unsigned else unzz(f)
            v.append(base + pred_off(sq, t - t0) + r)
        pos += (n * w + 7) // 8
        streams.append(v)
    assert pos == len(b)
    return values_from(S, vs, streams)

# ---------------------------------------------------------------- P: plain FOR
def enc_for(S, vals):
    out = bytearray(); series = encode_header(out, S, vals)
    for ser in series:
        if not ser: continue
        v = [x for _, x in ser]; lo = min(v)
        w = (max(v) - lo).bit_length()
        uvarint(out, lo); out.append(w); out += pack([x - lo for x in v], w)
    return bytes(out)

def dec_for(b, S):
    pos, vs = decode_header(b, S); streams = []
    for m in range(3):
        n = len(vs[m])
        if not n: streams.append([]); continue
        lo, pos = read_uvarint(b, pos); w = b[pos]; pos += 1
        streams.append([lo + unpack_one(b, pos, k, w) for k in range(n)])
        pos += (n * w + 7) // 8
    assert pos == len(b)
    return values_from(S, vs, streams)

# ---------------------------------------------------------------- array layouts (int4[] text)
def arr_txt(a): return '{' + ','.join('NULL' if x is None else str(x) for x in a) + '}'

def arrays_offset(vals):
    """(base, off[]) per metric; base = min of visible values (current layout); \\N if none."""
    res = []
    for m in range(3):
        v = [x for x in vals[m] if x is not None]
        if not v: res += [r'\N', r'\N']; continue
        base = min(v)
        off = [None if x is None else x - base for x in vals[m]]
        assert all(x is None or x < 2**31 for x in off)
        res += [str(base), arr_txt(off)]
    return res

def arrays_delta(vals):
    """(first value, deltas[]) per metric: element = value - previous visible value, 0 at first."""
    res = []
    for m in range(3):
        v = [x for x in vals[m] if x is not None]
        if not v: res += [r'\N', r'\N']; continue
        prev = v[0]; out = []
        for x in vals[m]:
            if x is None: out.append(None)
            else: d = x - prev; assert -2**31 <= d < 2**31; out.append(d); prev = x
        res += [str(v[0]), arr_txt(out)]
    return res

def dec_arrays(cols, S, delta):
    out = []
    for m in range(3):
        b, a = cols[2*m], cols[2*m+1]
        if a == r'\N': out.append([None] * S); continue
        arr = parse_arr(a); base = int(b)
        if delta:
            cur = base; o = []
            for x in arr:
                if x is None: o.append(None)
                else: cur += x; o.append(cur)
            out.append(o)
        else:
            out.append([None if x is None else base + x for x in arr])
    return out

# ---------------------------------------------------------------- main
def week_units(rows):
    units = {}
    for vid, day, vals in rows:
        ws = day - datetime.timedelta(days=day.weekday())
        u = units.setdefault((vid, ws), [[None] * 168 for _ in range(3)])
        o = (day - ws).days * 24
        for m in range(3): u[m][o:o + 24] = vals[m]
    return [(vid, ws, u) for (vid, ws), u in units.items()]

def pct(a, p):
    a = sorted(a); return a[min(len(a) - 1, int(p * len(a)))]

def main():
    rows = load(sys.argv[1] if len(sys.argv) > 1 else 'sample.tsv')
    os.makedirs('out', exist_ok=True)
    nsnap = sum(sum(x is not None for x in vals[0]) for _, _, vals in rows)
    print(f'day rows {len(rows)}, snapshots {nsnap}')
    weeks = week_units(rows)
    print(f'week rows {len(weeks)}')

    # smoothness stats: adjacent-hour deltas / delta-of-deltas within a day, per metric
    for m, name in enumerate(('views', 'likes', 'comments')):
        d1 = []; d2 = []
        for _, _, vals in rows:
            v = vals[m]
            for i in range(1, 24):
                if v[i] is not None and v[i-1] is not None:
                    d1.append(v[i] - v[i-1])
                    if i >= 2 and v[i-2] is not None:
                        d2.append((v[i] - v[i-1]) - (v[i-1] - v[i-2]))
        ad1 = [abs(x) for x in d1]; ad2 = [abs(x) for x in d2]
        print(f'{name}: hourly |delta| n={len(d1)} median={pct(ad1,.5)} p90={pct(ad1,.9)} p99={pct(ad1,.99)} '
              f'negative={sum(x<0 for x in d1)}; |dod| n={len(d2)} median={pct(ad2,.5)} p90={pct(ad2,.9)} p99={pct(ad2,.99)}')

    units = {'day': [(v, d, vals, 24) for v, d, vals in rows],
             'week': [(v, d, vals, 168) for v, d, vals in weeks]}
    blobs = {'G': (enc_gorilla, dec_gorilla), 'L': (enc_linear, dec_linear),
             'LU': (lambda S, v: enc_linear(S, v, True), lambda b, S: dec_linear(b, S, True)),
             'P': (enc_for, dec_for)}
    for gran, us in units.items():
        # arrays
        for kind, fn in (('off', arrays_offset), ('delta', arrays_delta)):
            fname = f'out/arr_{kind}_{gran}.tsv'
            with open(fname, 'w') as f:
                for vid, d, vals, S in us:
                    cols = fn(vals)
                    assert dec_arrays(cols, S, kind == 'delta') == vals, (vid, d)
                    f.write(f'{vid}\t{d.isoformat()}\t' + '\t'.join(cols) + '\n')
            print(f'wrote {fname} (round-trip ok)')
        for code, (enc, dec) in blobs.items():
            fname = f'out/blob_{code}_{gran}.tsv'; tot = 0
            widths = {}
            with open(fname, 'w') as f:
                for vid, d, vals, S in us:
                    b = enc(S, vals)
                    assert dec(b, S) == vals, (code, vid, d)
                    tot += len(b)
                    f.write(f'{vid}\t{d.isoformat()}\t\\\\x{b.hex()}\n')
            print(f'wrote {fname}: raw blob bytes {tot} = {tot/nsnap:.3f} B/snapshot (round-trip ok)')
            sys.stdout.flush()

if __name__ == '__main__':
    main()
