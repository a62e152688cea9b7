// Given names: frequent first names of people in English-language news (English, European, Arabic,
// South and Central Asian, East Asian and African names in their usual English spelling). They
// answer questions the capitals cannot: is a capitalised ordinary word opening a sentence the
// first name of someone ("Mark Papermaster said", "Bill Gates")? Is a title word ending a name
// part of it ("Martin Luther King", "Larry King")? Is a two-word name whose first word also stands
// alone a firm ("Lockheed Martin" … "Lockheed") or a person called by a first name ("Steve")?
// East Asian family names (Kim, Lee, Xi, Park) are left out: they are not first names.
//
// Written from general knowledge, not from any article. Names that are mostly other words in
// running text are left out on purpose: modal and calendar words (Will, May, June, April, August),
// and words that open sentences as adverbs or verbs (Sunny, Hope, Faith, Joy, Page).

export const GIVEN_NAMES: readonly string[] = [
  // English and international, men
  'Aaron', 'Adam', 'Adrian', 'Alan', 'Albert', 'Alex', 'Alexander', 'Alfred', 'Andrew', 'Andy', 'Anthony', 'Arthur',
  'Barry', 'Ben', 'Benjamin', 'Bernard', 'Bill', 'Billy', 'Bob', 'Brad', 'Brian', 'Bruce', 'Carl', 'Charles', 'Charlie',
  'Chris', 'Christian', 'Christopher', 'Colin', 'Craig', 'Dan', 'Daniel', 'Dave', 'David', 'Dean', 'Dennis', 'Derek',
  'Don', 'Donald', 'Douglas', 'Edward', 'Eric', 'Frank', 'Fred', 'Gary', 'Geoffrey', 'George', 'Gerald', 'Gordon',
  'Graham', 'Greg', 'Gregory', 'Harry', 'Henry', 'Howard', 'Ian', 'Jack', 'Jacob', 'James', 'Jason', 'Jeff', 'Jeffrey',
  'Jeremy', 'Jerry', 'Jim', 'Jimmy', 'Joe', 'John', 'Jon', 'Jonathan', 'Joseph', 'Josh', 'Joshua', 'Keith', 'Ken',
  'Kenneth', 'Kevin', 'Larry', 'Lawrence', 'Leonard', 'Louis', 'Luke', 'Malcolm', 'Mark', 'Martin', 'Matt',
  'Matthew', 'Michael', 'Mike', 'Nathan', 'Neil', 'Nicholas', 'Nick', 'Noel', 'Oliver', 'Patrick', 'Paul', 'Peter',
  'Philip', 'Phil', 'Ralph', 'Ray', 'Raymond', 'Richard', 'Rick', 'Robert', 'Roger', 'Ronald', 'Ryan', 'Sam', 'Samuel',
  'Scott', 'Sean', 'Simon', 'Stephen', 'Steve', 'Steven', 'Stuart', 'Ted', 'Terry', 'Thomas', 'Tim', 'Timothy', 'Tom',
  'Tony', 'Victor', 'Vincent', 'Walter', 'Wayne', 'William', 'Bernie', 'Elon', 'Warren', 'Jared', 'Kyle',
  // English and international, women
  'Alice', 'Amanda', 'Amy', 'Angela', 'Ann', 'Anna', 'Anne', 'Barbara', 'Betty', 'Carol', 'Caroline', 'Catherine',
  'Christine', 'Claire', 'Deborah', 'Diana', 'Diane', 'Donna', 'Dorothy', 'Elizabeth', 'Emily', 'Emma', 'Helen',
  'Hillary', 'Jane', 'Janet', 'Jennifer', 'Jessica', 'Joan', 'Judith', 'Julia', 'Julie', 'Karen', 'Kate', 'Katherine',
  'Kathleen', 'Kelly', 'Laura', 'Linda', 'Lisa', 'Margaret', 'Maria', 'Marie', 'Mary', 'Melissa', 'Michelle', 'Nancy',
  'Nicola', 'Patricia', 'Rachel', 'Rebecca', 'Ruth', 'Sandra', 'Sandy', 'Sarah', 'Sharon', 'Susan', 'Theresa', 'Victoria',
  'Virginia', 'Kamala', 'Ursula', 'Condoleezza', 'Madeleine', 'Nikki', 'Jacinda',
  // French, German, Italian, Spanish, Portuguese, Dutch, Nordic
  'Jean', 'Pierre', 'Jacques', 'François', 'Francois', 'Nicolas', 'Emmanuel', 'Olivier', 'Christophe', 'Philippe',
  'Thierry', 'Laurent', 'Ségolène', 'Helmut', 'Gerhard', 'Wolfgang', 'Hans', 'Klaus', 'Jürgen', 'Juergen',
  'Olaf', 'Frank-Walter', 'Heinz', 'Dieter', 'Karl', 'Friedrich', 'Giuseppe', 'Giorgio', 'Mario', 'Matteo',
  'Silvio', 'Sergio', 'Romano', 'Carlos', 'José', 'Jose', 'Juan', 'Luis', 'Pedro', 'Manuel', 'Miguel', 'Antonio',
  'Francisco', 'Javier', 'Luiz', 'Jair', 'Dilma', 'Cristina', 'Pablo', 'Diego', 'Alejandro', 'Andrés', 'Andres',
  'Jan', 'Willem', 'Lars', 'Anders', 'Jens', 'Erik', 'Sven', 'Stefan', 'Stephan', 'Tomas', 'Jonas',
  // Russian, Ukrainian, Central and Eastern European
  'Vladimir', 'Dmitry', 'Dmitri', 'Sergei', 'Sergey', 'Alexei', 'Alexey', 'Andrei', 'Andrey', 'Mikhail', 'Nikolai',
  'Boris', 'Igor', 'Ivan', 'Yuri', 'Yury', 'Viktor', 'Oleg', 'Pavel', 'Anatoly', 'Gennady', 'Olga', 'Tatiana',
  'Yulia', 'Volodymyr', 'Petro', 'Oleksandr', 'Viktoria', 'Lech', 'Andrzej', 'Mateusz', 'Václav', 'Vaclav',
  'Recep', 'Ahmet', 'Mehmet', 'Mevlut', 'Kassym-Jomart', 'Nursultan', 'Shavkat', 'Emomali', 'Sadyr',
  // Arabic, Persian, South Asian
  'Mohammed', 'Mohammad', 'Muhammad', 'Mohamed', 'Ahmed', 'Ahmad', 'Ali', 'Hassan', 'Hasan', 'Hussein', 'Husain',
  'Abdul', 'Abdullah', 'Abdel', 'Omar', 'Umar', 'Osama', 'Khalid', 'Khaled', 'Mahmoud', 'Mahmood', 'Mustafa',
  'Ibrahim', 'Ismail', 'Yusuf', 'Youssef', 'Bashar', 'Hamid', 'Hamed', 'Ashraf', 'Imran', 'Nawaz', 'Shehbaz', 'Asif',
  'Benazir', 'Pervez', 'Narendra', 'Rahul', 'Sonia', 'Indira', 'Manmohan', 'Amit', 'Arvind', 'Zalmay',
  'Amrullah', 'Zabihullah', 'Sirajuddin', 'Hibatullah', 'Ebrahim', 'Javad', 'Ruhollah',
  'Fatima', 'Aisha', 'Ayesha', 'Maryam', 'Malala', 'Yitzhak', 'Ehud', 'Naftali', 'Yair', 'Ariel',
  // East and South-East Asian, African
  'Shinzo', 'Fumio', 'Junichiro', 'Yoshihide',
  'Joko', 'Rodrigo', 'Ferdinand', 'Jusuf', 'Mahathir', 'Anwar', 'Thaksin', 'Yingluck', 'Aung',
  'Cyril', 'Thabo', 'Kofi', 'Uhuru', 'Abiy', 'Muhammadu', 'Goodluck', 'Yoweri',
];
