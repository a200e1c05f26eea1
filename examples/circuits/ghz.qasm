// A 5-qubit GHZ state (OpenQASM 3).
OPENQASM 3.0;
include "stdgates.inc";
qubit[5] q;
bit[5] c;
h q[0];
for uint i in [0:3] {
  cx q[i], q[i + 1];
}
barrier q;
c = measure q;
