"""Independent reference matrices for the standard gates, for standard-gate-matrices.test.ts.

Built from physics, not from the implementation under test: rotations are matrix exponentials of
Pauli generators (scipy.linalg.expm), controlled gates are assembled from projectors on the
control qubits, and the relative-phase Toffolis are multiplied out from their OpenQASM 2
(qelib1.inc) definitions. Little-endian: qubit k is bit k of a basis index, so an operator on
(q0, q1) is kron(op_q1, op_q0).

Reads a JSON list of {"name", "params", "numCtrl"?} on stdin and writes a JSON list of matrices,
each as rows of [re, im] pairs.
"""

import json
import sys

import numpy as np
from scipy.linalg import expm

I2 = np.eye(2, dtype=complex)
X = np.array([[0, 1], [1, 0]], dtype=complex)
Y = np.array([[0, -1j], [1j, 0]], dtype=complex)
Z = np.diag([1, -1]).astype(complex)
H = (X + Z) / np.sqrt(2)
P0 = np.diag([1, 0]).astype(complex)
P1 = np.diag([0, 1]).astype(complex)
PI = np.pi


def kron(*ops):
    """kron(a, b, c) acts with c on qubit 0 (little-endian)."""
    out = np.eye(1, dtype=complex)
    for op in ops:
        out = np.kron(out, op)
    return out


def rot(gen, theta):
    return expm(-0.5j * theta * gen)


def phase(lam):
    return np.diag([1, np.exp(1j * lam)])


def u(theta, phi, lam):
    # U(θ,φ,λ) = e^{i(φ+λ)/2} RZ(φ) RY(θ) RZ(λ)
    return np.exp(0.5j * (phi + lam)) * rot(Z, phi) @ rot(Y, theta) @ rot(Z, lam)


def controlled(target, num_ctrl):
    """Controls on qubits 0..num_ctrl-1, target above them."""
    dim_c = 2**num_ctrl
    all_ones = np.zeros((dim_c, dim_c), dtype=complex)
    all_ones[-1, -1] = 1
    return kron(np.eye(target.shape[0]), np.eye(dim_c) - all_ones) + kron(target, all_ones)


def apply1(n, gate, q):
    ops = [I2] * n
    ops[q] = gate
    return kron(*reversed(ops))


def cx(n, c, t):
    ops0 = [I2] * n
    ops0[c] = P0
    ops1 = [I2] * n
    ops1[c] = P1
    ops1[t] = X
    return kron(*reversed(ops0)) + kron(*reversed(ops1))


def run(n, seq):
    """Multiplies out a gate sequence: ('cx', c, t) or (matrix, q)."""
    out = np.eye(2**n, dtype=complex)
    for step in seq:
        g = cx(n, step[1], step[2]) if isinstance(step[0], str) else apply1(n, step[0], step[1])
        out = g @ out
    return out


def u1(lam):
    return u(0, 0, lam)


def u2(phi, lam):
    return u(PI / 2, phi, lam)


def rccx():
    a, b, c = 0, 1, 2
    t, tdg, h = u1(PI / 4), u1(-PI / 4), u2(0, PI)
    return run(3, [(h, c), (t, c), ("cx", b, c), (tdg, c), ("cx", a, c), (t, c), ("cx", b, c),
                   (tdg, c), (h, c)])


def rcccx():
    a, b, c, d = 0, 1, 2, 3
    t, tdg, h = u1(PI / 4), u1(-PI / 4), u2(0, PI)
    return run(4, [(h, d), (t, d), ("cx", c, d), (tdg, d), (h, d), ("cx", a, d), (t, d),
                   ("cx", b, d), (tdg, d), ("cx", a, d), (t, d), ("cx", b, d), (tdg, d), (h, d),
                   (t, d), ("cx", c, d), (tdg, d), (h, d)])


SX = expm(-0.25j * PI * X) * np.exp(0.25j * PI)
SWAP = (kron(I2, I2) + kron(X, X) + kron(Y, Y) + kron(Z, Z)) / 2
XX, YY, ZZ = kron(X, X), kron(Y, Y), kron(Z, Z)

GATES = {
    "global_phase": lambda p: np.array([[np.exp(1j * p[0])]]),
    "id": lambda p: I2,
    "x": lambda p: X,
    "y": lambda p: Y,
    "z": lambda p: Z,
    "h": lambda p: H,
    "s": lambda p: phase(PI / 2),
    "sdg": lambda p: phase(-PI / 2),
    "t": lambda p: phase(PI / 4),
    "tdg": lambda p: phase(-PI / 4),
    "sx": lambda p: SX,
    "sxdg": lambda p: SX.conj().T,
    "rx": lambda p: rot(X, p[0]),
    "ry": lambda p: rot(Y, p[0]),
    "rz": lambda p: rot(Z, p[0]),
    "p": lambda p: phase(p[0]),
    "u1": lambda p: phase(p[0]),
    "r": lambda p: rot(np.cos(p[1]) * X + np.sin(p[1]) * Y, p[0]),
    "u": lambda p: u(*p),
    "u3": lambda p: u(*p),
    "u2": lambda p: u(PI / 2, *p),
    "cx": lambda p: controlled(X, 1),
    "cy": lambda p: controlled(Y, 1),
    "cz": lambda p: controlled(Z, 1),
    "ch": lambda p: controlled(H, 1),
    "cs": lambda p: controlled(phase(PI / 2), 1),
    "csdg": lambda p: controlled(phase(-PI / 2), 1),
    "csx": lambda p: controlled(SX, 1),
    "cp": lambda p: controlled(phase(p[0]), 1),
    "cu1": lambda p: controlled(phase(p[0]), 1),
    "crx": lambda p: controlled(rot(X, p[0]), 1),
    "cry": lambda p: controlled(rot(Y, p[0]), 1),
    "crz": lambda p: controlled(rot(Z, p[0]), 1),
    "cu": lambda p: controlled(np.exp(1j * p[3]) * u(p[0], p[1], p[2]), 1),
    "cu3": lambda p: controlled(u(*p), 1),
    "swap": lambda p: SWAP,
    "iswap": lambda p: expm(0.25j * PI * (XX + YY)),
    "dcx": lambda p: cx(2, 1, 0) @ cx(2, 0, 1),
    # ECR = (IX − XY)/√2, Pauli labels written q1 q0 as Qiskit does
    "ecr": lambda p: (kron(I2, X) - kron(X, Y)) / np.sqrt(2),
    "rxx": lambda p: rot(XX, p[0]),
    "ryy": lambda p: rot(YY, p[0]),
    "rzz": lambda p: rot(ZZ, p[0]),
    "rzx": lambda p: rot(kron(X, Z), p[0]),
    "xx_plus_yy": lambda p: apply1(2, rot(Z, -p[1]), 0) @ rot((XX + YY) / 2, p[0])
    @ apply1(2, rot(Z, p[1]), 0),
    "xx_minus_yy": lambda p: apply1(2, rot(Z, p[1]), 1) @ rot((XX - YY) / 2, p[0])
    @ apply1(2, rot(Z, -p[1]), 1),
    "ccx": lambda p: controlled(X, 2),
    "ccz": lambda p: controlled(Z, 2),
    "cswap": lambda p: controlled(SWAP, 1),
    "rccx": lambda p: rccx(),
    "rcccx": lambda p: rcccx(),
    "c3x": lambda p: controlled(X, 3),
    "c3sx": lambda p: controlled(SX, 3),
}


def reference(req):
    name, params = req["name"], req["params"]
    if name == "mcx":
        return controlled(X, req["numCtrl"])
    if name == "mcp":
        return controlled(phase(params[0]), req["numCtrl"])
    return GATES[name](params)


def main():
    requests = json.load(sys.stdin)
    out = []
    for req in requests:
        m = np.asarray(reference(req), dtype=complex)
        out.append([[[float(z.real), float(z.imag)] for z in row] for row in m])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
